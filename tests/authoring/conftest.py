import pytest


@pytest.fixture(autouse=True)
def _upload_folder(app, tmp_path):
    """Bank uploads wait in this test's own folder, never in the repository's instance folder."""
    app.config["BANK_UPLOAD_FOLDER"] = str(tmp_path / "bank-uploads")
