-- V1: the planning layers, saved documents and workspace settings of the eldercare planner.
-- Column names and meanings are the same as in the GeoPackage workspace (docs/stores.md).
-- Geometries are WGS84 lon/lat (EPSG:4326) with a GiST index each; fid keeps the stored order.

CREATE EXTENSION IF NOT EXISTS postgis;

CREATE TABLE planner_meta (
    key   text PRIMARY KEY,
    value text NOT NULL
);

CREATE TABLE admin_units (
    fid              bigserial PRIMARY KEY,
    geom             geometry(Geometry, 4326) NOT NULL
                     CHECK (GeometryType(geom) IN ('POLYGON', 'MULTIPOLYGON')),
    code             text NOT NULL UNIQUE CHECK (code ~ '^[0-9]{12}$'),
    name             text NOT NULL,
    level            text NOT NULL,
    parent_code      text,
    urban_rural      text,
    population       bigint CHECK (population >= 0),
    elderly_60       bigint CHECK (elderly_60 >= 0),
    elderly_65       bigint CHECK (elderly_65 >= 0),
    elderly_80       bigint CHECK (elderly_80 >= 0),
    disabled_elderly bigint CHECK (disabled_elderly >= 0),
    households       bigint CHECK (households >= 0),
    synthetic        boolean NOT NULL
);
CREATE INDEX admin_units_geom_gist ON admin_units USING gist (geom);

CREATE TABLE facilities (
    fid              bigserial PRIMARY KEY,
    geom             geometry(Point, 4326) NOT NULL,
    id               text NOT NULL UNIQUE,
    name             text NOT NULL,
    kind             text NOT NULL,
    beds             bigint NOT NULL CHECK (beds >= 0),
    nursing_beds     bigint NOT NULL CHECK (nursing_beds >= 0 AND nursing_beds <= beds),
    floor_area_m2    double precision CHECK (floor_area_m2 >= 0),
    residents        bigint CHECK (residents >= 0),
    operator         text,
    has_medical_room boolean NOT NULL,
    opened_year      bigint,
    care_staff       bigint CHECK (care_staff >= 0),
    admin_code       text,
    synthetic        boolean NOT NULL
);
CREATE INDEX facilities_geom_gist ON facilities USING gist (geom);

CREATE TABLE medical_facilities (
    fid       bigserial PRIMARY KEY,
    geom      geometry(Point, 4326) NOT NULL,
    id        text NOT NULL UNIQUE,
    name      text NOT NULL,
    kind      text NOT NULL,
    synthetic boolean NOT NULL
);
CREATE INDEX medical_facilities_geom_gist ON medical_facilities USING gist (geom);

CREATE TABLE residential_districts (
    fid                   bigserial PRIMARY KEY,
    geom                  geometry(Geometry, 4326)
                          CHECK (geom IS NULL OR GeometryType(geom) IN ('POLYGON', 'MULTIPOLYGON')),
    id                    text NOT NULL UNIQUE,
    name                  text NOT NULL,
    households            bigint NOT NULL CHECK (households >= 0),
    status                text NOT NULL,
    completion_year       bigint,
    elderly_site_areas_m2 jsonb NOT NULL,
    synthetic             boolean NOT NULL
);
CREATE INDEX residential_districts_geom_gist ON residential_districts USING gist (geom);

CREATE TABLE demand_points (
    fid         bigserial PRIMARY KEY,
    geom        geometry(Point, 4326) NOT NULL,
    id          text NOT NULL UNIQUE,
    elderly     double precision NOT NULL CHECK (elderly >= 0),
    age_80_plus double precision NOT NULL CHECK (age_80_plus >= 0),
    disabled    double precision NOT NULL CHECK (disabled >= 0),
    tekun       double precision NOT NULL CHECK (tekun >= 0),
    admin_code  text NOT NULL,
    synthetic   boolean NOT NULL
);
CREATE INDEX demand_points_geom_gist ON demand_points USING gist (geom);

CREATE TABLE roads (
    fid  bigserial PRIMARY KEY,
    geom geometry(LineString, 4326) NOT NULL,
    id   text NOT NULL UNIQUE,
    tags jsonb NOT NULL
);
CREATE INDEX roads_geom_gist ON roads USING gist (geom);

CREATE TABLE planner_documents (
    kind     text NOT NULL CHECK (kind IN ('result', 'scenario')),
    name     text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    saved_at timestamptz NOT NULL,
    metadata jsonb NOT NULL,
    body     json NOT NULL,
    PRIMARY KEY (kind, name)
);
