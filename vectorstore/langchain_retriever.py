"""A LangChain BaseRetriever over our retrieval, so others can plug it into their own chains."""
from __future__ import annotations

from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from vectorstore.retrieval import Filters, Retriever


class InspectionRetriever(BaseRetriever):
    """Documents carry the passage text; metadata carries doc, page, title, score and rank."""

    model_config = ConfigDict(arbitrary_types_allowed=True)
    retriever: Retriever
    k: int = 10
    mode: str = "hybrid"
    filters: Filters = Filters()

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun,
                                **kwargs: Any) -> list[Document]:
        hits = self.retriever.search(query, k=self.k, mode=self.mode, filters=self.filters)
        return [Document(page_content=h.text, id=h.id,
                         metadata={**h.meta, "score": h.score, "rank": h.rank}) for h in hits]
