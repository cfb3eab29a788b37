"""PostgreSQL enum types, as Python enums whose values are the database labels."""

import enum


class TestStatus(enum.StrEnum):
    __test__ = False  # not a pytest test class, whatever its name

    PENDING = "pending"
    RUNNING = "running"
    HITL_PAUSED = "hitl_paused"
    COMPLETED = "completed"
    FAILED = "failed"


class PlatformType(enum.StrEnum):
    WEB = "web"
    MOBILE = "mobile"


class TesterCategory(enum.StrEnum):
    HUMAN = "human"
    AI_THIRD_PARTY = "ai_third_party"
    AI_HITL_TRAINED = "ai_hitl_trained"


class AIModelProvider(enum.StrEnum):
    GROK = "grok"
    OPENAI_GPT4 = "openai_gpt4"
    OPENAI_GPT4_TURBO = "openai_gpt4_turbo"
    GEMINI = "gemini"
    CLAUDE = "claude"
    HITL_FINETUNED = "hitl_finetuned"
    HITL_SELFHOSTED_MIXTRAL = "hitl_selfhosted_mixtral"
    HITL_SELFHOSTED_LLAMA = "hitl_selfhosted_llama"


class AICapabilityLevel(enum.StrEnum):
    BASIC = "basic"
    INTERMEDIATE = "intermediate"
    ADVANCED = "advanced"
    EXPERT = "expert"
    AGI = "agi"


# PostgreSQL type name of each enum; the order of members is the order of labels.
PG_ENUM_NAMES: dict[type[enum.Enum], str] = {
    TestStatus: "test_status",
    PlatformType: "platform_type",
    TesterCategory: "tester_category",
    AIModelProvider: "ai_model_provider",
    AICapabilityLevel: "ai_capability_level",
}
