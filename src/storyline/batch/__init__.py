"""The batch stage: analyse many articles in parallel on Ray, for ``storyline ingest --workers N``.

    analyse_parallel(articles, settings, workers)  -> Documents, in input order, equal to analyse_many's

Each Ray worker loads the pipeline once and analyses chunks of articles; the driver keeps reading sources, saving
documents and placing them in stories, so the store and story clustering stay single-writer and online.
"""
from .ray_pool import analyse_parallel

__all__ = ["analyse_parallel"]
