# The pkgraph API (and, with another command, the one-shot ingest) on the official Python image.
FROM python:3.11-slim
WORKDIR /app
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
COPY pyproject.toml README.md ./
COPY service/ service/
COPY ingest/ ingest/
COPY schema/ schema/
COPY queries/ queries/
COPY data/ data/
# Editable, so the code finds schema/, queries/ and data/ beside it, as in a checkout.
RUN pip install --no-cache-dir -e . && useradd --system --uid 10001 pkgraph
USER pkgraph
EXPOSE 8000
CMD ["pkgraph", "serve", "--host", "0.0.0.0"]
