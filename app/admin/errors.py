from ..models import DomainError


class AdminError(DomainError):
    """An administrator's request that cannot be carried out; the message says why, in the UI's language."""
