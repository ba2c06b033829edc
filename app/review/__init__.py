"""Instructors' marking: the review queue (批阅), regrading with a dry run, offline marking by spreadsheet, item
analysis and monitoring a paper's attempts. Every grade change goes through ``app.scoring``."""
