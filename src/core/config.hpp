// Configuration: defaults, then one TOML file (snai.toml), then SNAI_* environment variables.
// Every key has exactly one environment variable; unknown keys and bad values are errors
// that name the key, so a typo never silently falls back to a default.
//
//   auto config = snai::load_config({.file = "snai.toml", .env = snai::snai_environment()});
//   if (!config) { std::cerr << config.error().message << "\n"; return 2; }
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/result.hpp"

namespace snai {

struct ServerConfig {
  std::string host = "127.0.0.1";
  int port = 8080;
  int threads = 0;                  // 0: one event loop per core
  int workers = 0;                  // threads for slow answers (generations), off the loops; 0: one per core
  std::size_t max_body_bytes = 1 << 20;
  int header_timeout_ms = 10000;    // the request line and headers must arrive within this (slow-loris)
  int idle_timeout_ms = 60000;      // a keep-alive connection with no request is closed after this
  int request_timeout_ms = 30000;   // the time to write a response (and for asynchronous handlers, to answer)
  int shutdown_timeout_ms = 10000;  // SIGTERM: stop accepting, drain in-flight requests for at most this
  std::size_t compress_min_bytes = 2048;  // gzip responses at least this big when the client accepts it
  std::string cors_origins;         // comma-separated allowed origins, "*" for any; empty: no CORS headers
};

struct LimitsConfig {
  int anonymous_per_minute = 60;    // token-bucket rate per client address without an API key
  int anonymous_burst = 20;
  int key_per_minute = 600;         // token-bucket rate per API key
  int key_burst = 100;
};

struct StorageConfig {
  std::string data_dir = "var";     // SQLite file, data artifacts
  std::string database_url;         // empty: SQLite at <data_dir>/snai.db; or sqlite:PATH, postgres://...
  int pool_size = 8;
  int busy_timeout_ms = 5000;
  int connect_timeout_s = 5;
};

struct CacheConfig {
  std::string redis_url;            // empty: in-process caches only
  std::size_t l1_bytes = 64ULL << 20;  // the in-process response cache's bound (keys + values)
  int warm_top = 100;   // at start, answer this many of the most asked generate requests (0: no warming)
  int warm_days = 7;    // ... asked over this many days (stored "generate.requested" events)
};

struct SemanticConfig {
  int index_m = 24;                 // HNSW graph degree (vocabulary and name indexes)
  int index_ef_construction = 200;  // build-time beam width (snai data build)
  int index_ef_search = 48;         // query-time beam width: higher = better recall, slower
  int name_index_projects = 256;    // projects whose stored-name index is kept in memory (LRU)
};

struct GenerateConfig {
  int budget_ms = 1500;             // time limit per generate request: what fits by then is returned
  int candidates = 500;             // candidates generated and scored per request, at least
};

struct AvailabilityConfig {
  std::string zone_dir;             // zone indexes (<tld>.zix) from `snai import zone`; empty: <data_dir>/zones
  std::string dns_servers;          // comma-separated IP[:port] / [IPv6]:port; empty: /etc/resolv.conf
  bool rdap_enabled = false;        // confirm NXDOMAIN with the registry's RDAP server before saying available
  std::string rdap_bootstrap;       // the IANA RDAP bootstrap file (dns.json); empty: <data_dir>/rdap-dns.json
  int budget_ms = 8000;             // time limit per check: what is not decided by then is unknown
  std::string tlds = "com,io,ai,co,app,dev";  // checked when a request names none
};

struct LogConfig {
  std::string level = "info";       // trace, debug, info, warn, error, off
  std::string format = "plain";     // plain or json (one object per line)
};

struct Config {
  ServerConfig server;
  LimitsConfig limits;
  StorageConfig storage;
  CacheConfig cache;
  SemanticConfig semantic;
  GenerateConfig generate;
  AvailabilityConfig availability;
  LogConfig log;

  // The database URL with the embedded default filled in: "sqlite:<data_dir>/snai.db".
  std::string effective_database_url() const;
  // availability.zone_dir, else <data_dir>/zones.
  std::filesystem::path effective_zone_dir() const;
  // availability.rdap_bootstrap, else <data_dir>/rdap-dns.json.
  std::filesystem::path effective_rdap_bootstrap() const;
};

struct ConfigSources {
  std::optional<std::filesystem::path> file;                  // must exist when given
  std::vector<std::pair<std::string, std::string>> env;       // SNAI_* variables only
};

// Builds the configuration; errors carry ErrorCode::invalid_argument and name the key in `field`.
Result<Config> load_config(const ConfigSources& sources);

// The SNAI_* variables of this process, except SNAI_CONFIG and SNAI_TEST_* (used by the harness).
std::vector<std::pair<std::string, std::string>> snai_environment();

// The config file to use when none is named: $SNAI_CONFIG, else ./snai.toml if it exists.
std::optional<std::filesystem::path> default_config_file();

// One line per key: "server.port  SNAI_PORT  8080" — for `snai serve --help` and the README.
std::string describe_config_keys();

}  // namespace snai
