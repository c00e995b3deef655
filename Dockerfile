# The pkgraph API (and, with another command, the one-shot ingest) on the official Python image.
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
# A plain (not editable) install, as from a wheel: queries/ and schema/ travel as package data, and
# the sources are removed so nothing can read them from beside the code.
COPY pyproject.toml README.md /src/
COPY service/ /src/service/
COPY ingest/ /src/ingest/
COPY schema/ /src/schema/
COPY queries/ /src/queries/
COPY db/ /src/db/
RUN pip install --no-cache-dir /src && rm -rf /src && useradd --system --uid 10001 pkgraph
# The project folder of an installed pkgraph is the working directory: data/ is found here.
WORKDIR /app
COPY data/ data/
USER pkgraph
EXPOSE 8000
CMD ["pkgraph", "serve", "--host", "0.0.0.0"]
