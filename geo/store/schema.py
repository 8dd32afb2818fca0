"""The SQLite schema, as ordered migrations; ``PRAGMA user_version`` is the applied count."""

MIGRATIONS: tuple[str, ...] = (
    # 1: articles and their features
    """
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        content_hash TEXT NOT NULL UNIQUE,
        source TEXT NOT NULL,
        title TEXT,
        url TEXT,
        published TEXT,
        lang TEXT,
        text TEXT NOT NULL,
        feature_count INTEGER NOT NULL,
        ingested_at TEXT NOT NULL
    );
    CREATE TABLE features (
        id TEXT PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        feature_type TEXT NOT NULL,
        event_type TEXT,
        start TEXT,
        "end" TEXT,
        confidence REAL,
        geo_precision INTEGER,
        source TEXT,
        actors TEXT,
        geojson TEXT NOT NULL
    );
    CREATE INDEX features_by_date ON features(start, "end");
    CREATE INDEX features_by_article ON features(article_id);
    """,
    # 2: corrections made by users, kept as a log; the latest one per feature applies
    """
    CREATE TABLE corrections (
        id INTEGER PRIMARY KEY,
        feature_id TEXT NOT NULL REFERENCES features(id),
        lat REAL NOT NULL,
        lon REAL NOT NULL,
        name TEXT,
        geonameid INTEGER,
        note TEXT,
        created_at TEXT NOT NULL
    );
    CREATE INDEX corrections_by_feature ON corrections(feature_id, id);
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)
