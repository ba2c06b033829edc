import pytest


@pytest.fixture(autouse=True)
def _upload_folder(app, tmp_path):
    """Bank uploads wait in this test's own folder, never in the repository's instance folder."""
    app.config["BANK_UPLOAD_FOLDER"] = str(tmp_path / "bank-uploads")


@pytest.fixture
def in_english(instructor_client):
    """The instructor's pages in English (Chinese is the default)."""
    instructor_client.post("/lang/en", data={"next": "/authoring/"})
    return instructor_client
