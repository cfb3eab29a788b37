"""SQLAlchemy models of the HitlAI Phase-5 schema; `Base.metadata` is what the migrations build."""

from hitlai_schema.base import Base
from hitlai_schema.core import Company, HumanTester, TestRequest, TestRun, UserSession
from hitlai_schema.enums import AICapabilityLevel, AIModelProvider, PlatformType, TesterCategory, TestStatus

metadata = Base.metadata

__all__ = [
    "AICapabilityLevel",
    "AIModelProvider",
    "Base",
    "Company",
    "HumanTester",
    "PlatformType",
    "TestRequest",
    "TestRun",
    "TestStatus",
    "TesterCategory",
    "UserSession",
    "metadata",
]
