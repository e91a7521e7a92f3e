"""The resolve stage: canonical actors (knowledge file, identity keys) and actor codes.

    knowledge  actors.yaml + user files -> Actor (aliases, gender, positions with term dates)
    codes      country names, demonyms, capitals and sectors -> CAMEO-style codes (RUSGOV, UKRMIL)
    identity   name variants -> one identity; ``entity_key`` for the same actor across articles
"""
from .codes import actor_code, capital_country, country_code, demonym_country, place_country, sector_of
from .identity import entity_key, name_key
from .knowledge import Actor, Knowledge, Position, load_knowledge

__all__ = ["Actor", "Knowledge", "Position", "load_knowledge", "actor_code", "capital_country", "country_code",
           "demonym_country", "place_country", "sector_of", "entity_key", "name_key"]
