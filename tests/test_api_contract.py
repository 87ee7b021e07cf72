"""The OpenAPI schema tells every answer a client can get (issue 16): each operation lists its error
statuses with the JSON error body, and the fields' limits; bad bodies get Danish JSON, never HTML."""

from __future__ import annotations

import json

from handlekraft.api import api
from tests.stories.conftest import make_story


def schema() -> dict:
    return api.get_openapi_schema(path_prefix="/api/v1")


def test_every_operation_documents_its_error_answers():
    for path, methods in schema()["paths"].items():
        for method, spec in methods.items():
            documented = set(spec["responses"])
            assert {"400", "401", "403", "404", "422", "429", "503"} <= documented, (method, path)
            if "requestBody" in spec:
                assert {"409", "413"} <= documented, (method, path)
            error = spec["responses"]["401"]["content"]["application/json"]["schema"]
            assert error == {"$ref": "#/components/schemas/Error"}


def test_the_fields_limits_are_in_the_schema():
    schemas = schema()["components"]["schemas"]
    story = schemas["StoryIn"]["properties"]
    assert story["body"]["maxLength"] == 10_000 and story["title"]["maxLength"] == 200
    assert schemas["ExperimentIn"]["properties"]["unit"]["minLength"] == 1
    assert schemas["NoteIn"]["properties"]["text"]["maxLength"] == 500
    assert schemas["ProposalIn"]["properties"]["hours_per_month"]["maximum"] == 744


def test_a_body_that_is_not_an_object_is_a_danish_400(client_as, cast):
    story = make_story(cast, author=cast.leader)
    employee = client_as("employee")
    for body in ("[null, null]", "{ikke json", '"tekst"'):
        response = employee.post(
            f"/api/v1/stories/{story.pk}/recognitions", body, content_type="application/json"
        )
        assert response.status_code == 400, body
        assert response.json()["detail"].startswith("Kroppen kan ikke læses")
    assert story.recognitions.count() == 0


def test_a_unit_that_does_not_exist_is_a_404_everywhere(client_as):
    leader = client_as("leader")
    assert leader.get("/api/v1/mandates/search?q=ferie&unit=FINDES-IKKE").status_code == 404
    created = leader.post(
        "/api/v1/meetings",
        json.dumps({"title": "Møde", "unit": "FINDES-IKKE"}),
        content_type="application/json",
    )
    assert created.status_code == 404 and created.json()["detail"] == "Enheden FINDES-IKKE findes ikke."
