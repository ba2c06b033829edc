"""The YAML question bank: reading with line numbers, validation, and writing back.

Pure Python: no Flask, no database. The web and CLI sync a loaded ``Bank`` into the database.
"""
from .loader import Bank, load_bank
from .problems import BankError, Problem
from .writer import write_bank

__all__ = ["Bank", "BankError", "Problem", "load_bank", "write_bank"]
