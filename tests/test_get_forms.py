"""A search or filter form sends its text in the address: a long paste there (100,000 characters) went past what
the server takes in a request line and came back as the server's bare English '414 Request-URI Too Long', outside
the site. Every text field of such a form is bounded, as the bank's search (100) already was."""
from html.parser import HTMLParser

import pytest

MOST = 200


class _GetFormFields(HTMLParser):
    def __init__(self):
        super().__init__()
        self.in_get_form, self.fields = False, []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.in_get_form = (a.get("method") or "get").lower() == "get"
        elif self.in_get_form and tag in ("input", "textarea") and a.get("type", "text") in ("text", "search"):
            self.fields.append((a.get("name"), a.get("maxlength")))

    def handle_endtag(self, tag):
        if tag == "form":
            self.in_get_form = False


def _unbounded(html: str) -> list:
    parser = _GetFormFields()
    parser.feed(html)
    return [name for name, most in parser.fields if most is None or int(most) > MOST]


@pytest.mark.parametrize("who, path", [("admin", "/admin/users"), ("admin", "/admin/audit"),
                                       ("instructor", "/review/queue"), ("instructor", "/authoring/"),
                                       ("trainee", "/practice")])
def test_every_text_field_of_a_get_form_is_bounded(request, who, path):
    client = request.getfixturevalue(f"{who}_client")
    response = client.get(path)
    assert response.status_code == 200
    assert _unbounded(response.get_data(as_text=True)) == []
