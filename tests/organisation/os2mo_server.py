"""A small OS2mo for the tests: Keycloak's client-credentials token endpoint and OS2mo's GraphQL API
(version 25) for the queries `sync_os2mo` makes, with OS2mo's documented shapes: paged fields taking
`limit`, `cursor` and `filter: {from_date, to_date}`, answering `{objects, page_info {next_cursor}}`;
org units and employees with `current`, engagements, managers and associations with `validities`.

Built with graphql-core (the reference GraphQL implementation for Python) and served over real HTTP on
loopback, so the client's HTTP, login, paging and error handling are what is tested.
"""

from __future__ import annotations

import base64
import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from graphql import build_schema, graphql_sync

SCHEMA = build_schema(
    """
    scalar Cursor
    scalar int
    scalar DateTime
    scalar UUID

    input Filter { from_date: DateTime, to_date: DateTime }

    type Query {
      org_units(limit: int, cursor: Cursor, filter: Filter): OrganisationUnitPaged!
      employees(limit: int, cursor: Cursor, filter: Filter): EmployeePaged!
      engagements(limit: int, cursor: Cursor, filter: Filter): EngagementPaged!
      managers(limit: int, cursor: Cursor, filter: Filter): ManagerPaged!
      associations(limit: int, cursor: Cursor, filter: Filter): AssociationPaged!
    }
    type PageInfo { next_cursor: Cursor }
    type Validity { from: DateTime, to: DateTime }
    type Class { uuid: UUID!, user_key: String!, name: String!, scope: String }

    type OrganisationUnit { uuid: UUID!, user_key: String!, name: String!, parent_uuid: UUID }
    type OrganisationUnitResponse { uuid: UUID!, current: OrganisationUnit }
    type OrganisationUnitPaged { objects: [OrganisationUnitResponse!]!, page_info: PageInfo! }

    type Address { value: String!, address_type: Class! }
    type Employee { uuid: UUID!, user_key: String!, name: String!, addresses: [Address!]! }
    type EmployeeResponse { uuid: UUID!, current: Employee }
    type EmployeePaged { objects: [EmployeeResponse!]!, page_info: PageInfo! }

    type Engagement { uuid: UUID!, employee_uuid: UUID!, org_unit_uuid: UUID!, validity: Validity! }
    type EngagementResponse { uuid: UUID!, validities: [Engagement!]! }
    type EngagementPaged { objects: [EngagementResponse!]!, page_info: PageInfo! }

    type Manager { uuid: UUID!, employee_uuid: UUID, org_unit_uuid: UUID!, validity: Validity! }
    type ManagerResponse { uuid: UUID!, validities: [Manager!]! }
    type ManagerPaged { objects: [ManagerResponse!]!, page_info: PageInfo! }

    type Association {
      uuid: UUID!, employee_uuid: UUID, org_unit_uuid: UUID!, association_type: Class, validity: Validity!
    }
    type AssociationResponse { uuid: UUID!, validities: [Association!]! }
    type AssociationPaged { objects: [AssociationResponse!]!, page_info: PageInfo! }
    """
)
EMAIL_TYPE = {"uuid": "e-mail-type", "user_key": "EmailEmployee", "name": "E-mail", "scope": "EMAIL"}
PHONE_TYPE = {"uuid": "phone-type", "user_key": "PhoneEmployee", "name": "Telefon", "scope": "PHONE"}
CLIENT_ID, CLIENT_SECRET = "handlekraft", "hemmelig"


@dataclass
class World:
    """What OS2mo holds; a test changes it between syncs."""

    units: dict[str, dict] = field(default_factory=dict)  # uuid → {name, parent_uuid}
    employees: dict[str, dict] = field(default_factory=dict)  # uuid → {name, email}
    engagements: list[dict] = field(default_factory=list)  # {employee, unit, from, to}
    managers: list[dict] = field(default_factory=list)
    associations: list[dict] = field(default_factory=list)  # … and type (a user_key)
    queries: list[dict] = field(default_factory=list)  # every GraphQL request's variables, for the tests
    fail_with: str = ""  # a GraphQL error to answer every query with


def _page(items: list, limit, cursor) -> dict:
    start = int(base64.b64decode(cursor).decode()) if cursor else 0
    limit = int(limit) if limit else len(items) or 1
    end = start + limit
    next_cursor = base64.b64encode(str(end).encode()).decode() if end < len(items) else None
    return {"objects": items[start:end], "page_info": {"next_cursor": next_cursor}}


def _overlaps(item: dict, filter_: dict | None) -> bool:
    since = ((filter_ or {}).get("from_date") or "")[:10]
    return not since or item["to"] is None or item["to"] >= since


def _validities(items: list[dict], filter_, shape) -> list[dict]:
    return [
        {"uuid": f"obj-{n}", "validities": [shape(item)]}
        for n, item in enumerate(items)
        if _overlaps(item, filter_)
    ]


def _span(item: dict) -> dict:
    return {
        "from": f"{item['from']}T00:00:00+01:00" if item["from"] else None,
        "to": f"{item['to']}T00:00:00+01:00" if item["to"] else None,
    }


def root(world: World) -> dict:
    def org_units(info, limit=None, cursor=None, filter=None):
        items = [
            {
                "uuid": uuid,
                "current": {
                    "uuid": uuid,
                    "user_key": uuid[:8],
                    "name": u["name"],
                    "parent_uuid": u["parent"],
                },
            }
            for uuid, u in world.units.items()
        ]
        return _page(items, limit, cursor)

    def employees(info, limit=None, cursor=None, filter=None):
        items = []
        for uuid, e in world.employees.items():
            addresses = [{"value": "+45 12 34 56 78", "address_type": PHONE_TYPE}]
            if e.get("email"):
                addresses.append({"value": e["email"], "address_type": EMAIL_TYPE})
            items.append(
                {
                    "uuid": uuid,
                    "current": {
                        "uuid": uuid,
                        "user_key": uuid[:8],
                        "name": e["name"],
                        "addresses": addresses,
                    },
                }
            )
        return _page(items, limit, cursor)

    def shaped(kind: str):
        def shape(item: dict) -> dict:
            found = {
                "uuid": "v",
                "employee_uuid": item["employee"],
                "org_unit_uuid": item["unit"],
                "validity": _span(item),
            }
            if kind == "associations":
                found["association_type"] = {
                    "uuid": "t",
                    "user_key": item["type"],
                    "name": item["type"],
                    "scope": None,
                }
            return found

        def resolve(info, limit=None, cursor=None, filter=None):
            return _page(_validities(getattr(world, kind), filter, shape), limit, cursor)

        return resolve

    return {
        "org_units": org_units,
        "employees": employees,
        "engagements": shaped("engagements"),
        "managers": shaped("managers"),
        "associations": shaped("associations"),
    }


class OS2mo:
    """Serves a World on http://127.0.0.1:<port>/ (token at /auth/token, GraphQL at /graphql/v25)."""

    def __init__(self, world: World):
        self.world = world
        self.token = "token-123"
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # quiet
                pass

            def answer(self, status: int, body: dict) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_POST(self):
                raw = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                if self.path == "/auth/token":
                    form = dict(part.split("=", 1) for part in raw.decode().split("&") if "=" in part)
                    if (form.get("client_id"), form.get("client_secret")) != (CLIENT_ID, CLIENT_SECRET):
                        return self.answer(401, {"error": "unauthorized_client"})
                    return self.answer(
                        200, {"access_token": outer.token, "token_type": "Bearer", "expires_in": 300}
                    )
                if self.path != "/graphql/v25":
                    return self.answer(404, {"detail": "Not found"})
                if self.headers.get("Authorization") != f"Bearer {outer.token}":
                    return self.answer(401, {"detail": "Not authenticated"})
                request = json.loads(raw)
                outer.world.queries.append(request.get("variables") or {})
                if outer.world.fail_with:
                    return self.answer(200, {"data": None, "errors": [{"message": outer.world.fail_with}]})
                result = graphql_sync(
                    SCHEMA, request["query"], root(outer.world), variable_values=request.get("variables")
                )
                body = {"data": result.data}
                if result.errors:
                    body["errors"] = [{"message": e.message} for e in result.errors]
                return self.answer(200, body)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> OS2mo:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
