"""HTML to PDF with WeasyPrint: the print page's own HTML, fonts embedded (subset) from the system's Noto CJK
(Debian's fonts-noto-cjk), so Chinese never comes out as boxes and the text can be searched and copied."""
from __future__ import annotations


def html_to_pdf(html: str, base_url: str | None = None) -> bytes:
    from weasyprint import HTML

    return HTML(string=html, base_url=base_url).write_pdf()
