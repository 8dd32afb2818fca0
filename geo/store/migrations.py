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
    # 3: a correction applies to its mention (article and character span), not to a feature id,
    # so that it survives re-geoparsing the article; articles count their re-geoparsings
    """
    CREATE TABLE corrections_by_mention (
        id INTEGER PRIMARY KEY,
        feature_id TEXT NOT NULL,
        article_id INTEGER,
        char_start INTEGER,
        char_end INTEGER,
        lat REAL NOT NULL,
        lon REAL NOT NULL,
        name TEXT,
        geonameid INTEGER,
        note TEXT,
        created_at TEXT NOT NULL
    );
    INSERT INTO corrections_by_mention
        SELECT c.id, c.feature_id, f.article_id,
               json_extract(f.geojson, '$.properties.char_start'),
               json_extract(f.geojson, '$.properties.char_end'),
               c.lat, c.lon, c.name, c.geonameid, c.note, c.created_at
        FROM corrections c LEFT JOIN features f ON f.id = c.feature_id;
    DROP TABLE corrections;
    ALTER TABLE corrections_by_mention RENAME TO corrections;
    CREATE INDEX corrections_by_feature ON corrections(feature_id, id);
    ALTER TABLE articles ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
    """,
    # 4: event types in ACLED's terms: each former type becomes an ACLED event type and
    # sub-event type ("airstrike" -> Explosions/Remote violence, Air/drone strike), in the
    # column and in the stored GeoJSON alike; the other properties stay as they were
    """
    CREATE TEMP TABLE acled_names (former TEXT PRIMARY KEY, event_type TEXT, sub_event_type TEXT);
    INSERT INTO acled_names VALUES
        ('battle', 'Battles', 'Armed clash'),
        ('airstrike', 'Explosions/Remote violence', 'Air/drone strike'),
        ('shelling', 'Explosions/Remote violence', 'Shelling/artillery/missile attack'),
        ('explosion', 'Explosions/Remote violence', 'Remote explosive/landmine/IED'),
        ('violence_against_civilians', 'Violence against civilians', 'Attack'),
        ('territory_regained', 'Battles', 'Government regains territory'),
        ('territory_held', 'Strategic developments', 'Other'),
        ('protest', 'Protests', 'Peaceful protest'),
        ('disaster', 'disaster', NULL);
    UPDATE features SET
        geojson = (
            SELECT CASE WHEN n.sub_event_type IS NULL
                THEN json_set(features.geojson, '$.properties.event_type', n.event_type)
                ELSE json_set(features.geojson, '$.properties.event_type', n.event_type,
                              '$.properties.sub_event_type', n.sub_event_type)
            END
            FROM acled_names n WHERE n.former = features.event_type),
        event_type = (SELECT n.event_type FROM acled_names n WHERE n.former = features.event_type)
    WHERE event_type IN (SELECT former FROM acled_names);
    DROP TABLE acled_names;
    """,
    # 5: the import (batch) each article came in with, so that an import can be undone, and a
    # log of deleted articles (what they were, with how many features and corrections)
    """
    ALTER TABLE articles ADD COLUMN batch TEXT;
    CREATE INDEX articles_by_batch ON articles(batch);
    CREATE TABLE deletions (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL,
        content_hash TEXT NOT NULL,
        source TEXT NOT NULL,
        title TEXT,
        batch TEXT,
        features INTEGER NOT NULL,
        corrections INTEGER NOT NULL,
        reason TEXT,
        deleted_at TEXT NOT NULL
    );
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)
