"""Reports: score exports (XLSX, CSV), transcripts and rankings (PDF), dashboard figures.

Builders return ``(headers, rows)`` with rows as a generator, so that an export of any size streams; one thin
writer per format (``xlsx``, ``csvfile``, ``pdf``) turns them into a file.
"""
