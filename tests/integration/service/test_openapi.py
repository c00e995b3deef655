"""The OpenAPI schema documents every parameter and every JSON answer."""

from __future__ import annotations

import httpx


def test_every_parameter_and_response_is_documented(api: httpx.Client) -> None:
    spec = api.get("/openapi.json").json()
    undocumented = []
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            where = f"{method.upper()} {path}"
            if not operation.get("summary"):
                undocumented.append(f"{where}: no summary")
            for parameter in operation.get("parameters", []):
                if parameter["in"] == "query" and not parameter.get("description"):
                    undocumented.append(f"{where}: query parameter {parameter['name']} has no description")
                if "schema" not in parameter:
                    undocumented.append(f"{where}: parameter {parameter['name']} has no schema")
            content = operation["responses"].get("200", {}).get("content", {})
            if not any(media.get("schema") for media in content.values()):
                undocumented.append(f"{where}: 200 documents no media type with a schema")
    assert not undocumented, "\n".join(undocumented)


def test_error_responses_are_documented_where_they_occur(api: httpx.Client) -> None:
    paths = api.get("/openapi.json").json()["paths"]
    assert "404" in paths["/missions/{id}"]["get"]["responses"]
    assert "404" in paths["/mission/{id}"]["get"]["responses"]
    assert "406" in paths["/mission/{id}"]["get"]["responses"]
    assert "406" in paths["/missions"]["get"]["responses"]
    assert "422" in paths["/missions"]["get"]["responses"]
    assert "400" in paths["/cypher"]["post"]["responses"]
    assert "503" in paths["/ready"]["get"]["responses"]


def test_every_media_type_a_route_offers_is_documented(api: httpx.Client) -> None:
    paths = api.get("/openapi.json").json()["paths"]

    def media(path: str) -> set[str]:
        return set(paths[path]["get"]["responses"]["200"]["content"])

    assert media("/missions") == {"application/json", "text/csv"}
    assert {"application/json", "text/html", "text/turtle", "application/ld+json"} <= media("/mission/{id}")
    assert {"application/sparql-results+json", "text/tab-separated-values", "text/html"} <= media("/sparql")
    assert "text/turtle" in media("/rdf")


def test_the_plural_detail_paths_document_their_redirect(api: httpx.Client) -> None:
    paths = api.get("/openapi.json").json()["paths"]
    for path in ("/missions/{id}", "/organisations/{id}", "/resolutions/{number}", "/interviews/{id}", "/claims/{id}"):
        assert "Location" in paths[path]["get"]["responses"]["308"]["headers"], path
