from tests.conftest import PASSWORD


def get_token(client, user, password=PASSWORD) -> str:
    response = client.post("/api/auth/token", json={"username": user.username, "password": password})
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.json["token"]


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


def item_by_type(payload: dict, qtype: str) -> dict:
    return next(item for item in payload["items"] if item["type"] == qtype)
