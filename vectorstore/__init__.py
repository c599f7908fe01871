"""Keep chunks and find them: the embedder, the Chroma store, the BM25 index and retrieval."""
from vectorstore.embedder import Embedder, SentenceTransformerEmbedder
from vectorstore.chroma_store import ChromaStore, StoreError
from vectorstore.retrieval import Hit, Retriever

__all__ = ["Embedder", "SentenceTransformerEmbedder", "ChromaStore", "StoreError", "Hit", "Retriever"]
