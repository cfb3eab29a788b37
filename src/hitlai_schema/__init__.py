"""SQLAlchemy models of the HitlAI Phase-5 schema; `Base.metadata` is what the migrations build."""

from hitlai_schema.alignment import (
    AGICapabilityMilestone,
    AGISafetyDecision,
    AIAlignmentMetric,
    AIInferenceLog,
    BiasDetectionResult,
    ConstitutionalRule,
    ConstitutionalViolation,
    HumanCorrection,
    QualityGateCheck,
    RedTeamTest,
    RedTeamVulnerability,
)
from hitlai_schema.base import Base
from hitlai_schema.core import Company, HumanTester, TestRequest, TestRun, UserSession
from hitlai_schema.enums import AICapabilityLevel, AIModelProvider, PlatformType, TesterCategory, TestStatus
from hitlai_schema.monitoring import (
    AgentExecution,
    APICallLog,
    APIRateLimit,
    CircuitBreakerEvent,
    PerformanceMetric,
    SecurityIncident,
    SystemHealthCheck,
    VelocityAnalysis,
)

metadata = Base.metadata

__all__ = [
    "AGICapabilityMilestone",
    "AGISafetyDecision",
    "AIAlignmentMetric",
    "AICapabilityLevel",
    "AIInferenceLog",
    "AIModelProvider",
    "APICallLog",
    "APIRateLimit",
    "AgentExecution",
    "Base",
    "BiasDetectionResult",
    "CircuitBreakerEvent",
    "Company",
    "ConstitutionalRule",
    "ConstitutionalViolation",
    "HumanCorrection",
    "HumanTester",
    "PerformanceMetric",
    "PlatformType",
    "QualityGateCheck",
    "RedTeamTest",
    "RedTeamVulnerability",
    "SecurityIncident",
    "SystemHealthCheck",
    "TestRequest",
    "TestRun",
    "TestStatus",
    "TesterCategory",
    "UserSession",
    "VelocityAnalysis",
    "metadata",
]
