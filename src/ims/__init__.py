"""IMS: the register of international military cooperation of the Dutch Ministry of Defence."""

__version__ = "0.1.0"
