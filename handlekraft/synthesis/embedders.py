"""Embedders turn notes into vectors. The word-based one always works; a sentence-embedding model is
used instead only when one is installed in a local folder. Nothing is ever downloaded.

    HANDLEKRAFT_EMBEDDING_MODEL=/srv/models/my-model   # a sentence-transformers folder

The model folder is read with `local_files_only` and the Hugging Face libraries are told to stay offline.
"""

from __future__ import annotations

import os
import warnings
from typing import Any, Protocol

import numpy as np
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction import DictVectorizer
from sklearn.feature_extraction.text import TfidfTransformer
from sklearn.preprocessing import normalize

from .normalise import Features, features, vocabulary

LSA_DIMENSIONS = 100
RAW_FEATURES_UP_TO = 5_000_000  # cells of the dense note × feature matrix


class Embedder(Protocol):
    name: str

    def embed(self, texts: list[str]) -> np.ndarray: ...


class WordEmbedder:
    """TF-IDF over the Danish features (normalise.py), reduced by LSA so that related words meet."""

    name = "ord (TF-IDF + LSA)"

    def __init__(self, dimensions: int = LSA_DIMENSIONS):
        self.dimensions = dimensions
        self.features: list[Features] = []
        self.matrix: Any = None  # scipy's sparse matrix, once embedded
        self.names: list[str] = []

    def embed(self, texts: list[str]) -> np.ndarray:
        vocab = vocabulary(texts)
        self.features = [features(t, vocab) for t in texts]
        vectorizer = DictVectorizer()
        counts = vectorizer.fit_transform([dict(f.weights) for f in self.features])
        self.names = list(vectorizer.get_feature_names_out())
        self.matrix = TfidfTransformer().fit_transform(counts)
        dimensions = min(self.dimensions, self.matrix.shape[0] - 1, self.matrix.shape[1] - 1)
        if dimensions < 2:
            return normalize(self.matrix.toarray())
        with warnings.catch_warnings():  # tiny inputs: the explained-variance ratio divides by zero
            warnings.simplefilter("ignore", RuntimeWarning)
            svd = TruncatedSVD(n_components=dimensions, random_state=0, algorithm="arpack")
            reduced = svd.fit_transform(self.matrix)
        # Keep a share of the raw features too (LSA alone blurs short notes into each other), while the
        # dense matrix stays small; large inputs use the LSA vectors alone.
        if self.matrix.shape[0] * self.matrix.shape[1] <= RAW_FEATURES_UP_TO:
            return np.hstack([normalize(reduced), 0.7 * normalize(self.matrix).toarray()])
        return normalize(reduced)


class SentenceEmbedder:
    """A sentence-transformers model from a local folder (not installed by default)."""

    def __init__(self, folder: str):
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        from sentence_transformers import SentenceTransformer  # optional dependency

        self.model = SentenceTransformer(folder, local_files_only=True, device="cpu")
        self.name = f"model ({os.path.basename(folder.rstrip('/'))})"

    def embed(self, texts: list[str]) -> np.ndarray:
        return normalize(np.asarray(self.model.encode(texts, batch_size=64, show_progress_bar=False)))


def default_embedder() -> Embedder:
    """A local sentence model when the administrator has pointed to one, else the word-based embedder."""
    folder = os.environ.get("HANDLEKRAFT_EMBEDDING_MODEL", "")
    if folder and os.path.isdir(folder):
        try:
            return SentenceEmbedder(folder)
        except Exception:  # a broken or missing model must never stop an opsamling
            return WordEmbedder()
    return WordEmbedder()
