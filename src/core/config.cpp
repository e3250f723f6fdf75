#include "core/config.hpp"

#include <arpa/inet.h>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <fmt/format.h>
#include <functional>
#include <toml++/toml.h>

#include "core/text.hpp"

extern char** environ;

namespace snai {
namespace {

// One configuration key: where it lives in the TOML file, its environment variable,
// and how to parse and validate a value into Config.
struct KeySpec {
  std::string path;  // "server.port"
  std::string env;   // "SNAI_PORT"
  std::function<Status(Config&, std::string_view raw, const std::string& where)> set;
  std::function<std::string(const Config&)> show;
};

Status bad_value(const std::string& where, std::string_view raw, std::string_view expected) {
  return fail(ErrorCode::invalid_argument, fmt::format("config: {} = '{}' is invalid: expected {}", where, raw, expected),
              where);
}

template <class Int>
KeySpec int_key(std::string path, std::string env, Int lo, Int hi, std::function<Int&(Config&)> ref) {
  KeySpec k{path, env, nullptr, nullptr};
  k.set = [lo, hi, ref](Config& c, std::string_view raw, const std::string& where) -> Status {
    Int value{};
    auto [end, ec] = std::from_chars(raw.data(), raw.data() + raw.size(), value);
    if (ec != std::errc{} || end != raw.data() + raw.size() || value < lo || value > hi)
      return bad_value(where, raw, fmt::format("an integer from {} to {}", lo, hi));
    ref(c) = value;
    return ok();
  };
  k.show = [ref](const Config& c) { return std::to_string(ref(const_cast<Config&>(c))); };
  return k;
}

KeySpec string_key(std::string path, std::string env, std::function<std::string&(Config&)> ref,
                   std::function<bool(std::string_view)> valid = {}, std::string expected = {}) {
  KeySpec k{path, env, nullptr, nullptr};
  k.set = [ref, valid, expected](Config& c, std::string_view raw, const std::string& where) -> Status {
    if (valid && !valid(raw)) return bad_value(where, raw, expected);
    ref(c) = std::string(raw);
    return ok();
  };
  k.show = [ref](const Config& c) {
    std::string v = ref(const_cast<Config&>(c));
    return v.empty() ? std::string("\"\"") : v;
  };
  return k;
}

KeySpec bool_key(std::string path, std::string env, std::function<bool&(Config&)> ref) {
  KeySpec k{path, env, nullptr, nullptr};
  k.set = [ref](Config& c, std::string_view raw, const std::string& where) -> Status {
    if (raw == "true" || raw == "1") {
      ref(c) = true;
    } else if (raw == "false" || raw == "0") {
      ref(c) = false;
    } else {
      return bad_value(where, raw, "true or false");
    }
    return ok();
  };
  k.show = [ref](const Config& c) { return std::string(ref(const_cast<Config&>(c)) ? "true" : "false"); };
  return k;
}

bool one_of(std::string_view v, std::initializer_list<std::string_view> options) {
  for (auto o : options)
    if (v == o) return true;
  return false;
}

bool valid_database_url(std::string_view v) {
  return v.empty() || v.starts_with("sqlite:") || v.starts_with("postgres://") || v.starts_with("postgresql://");
}

// Splits "a, b,c" on commas; each item trimmed of spaces. Empty items are kept so that a
// stray comma is caught by the caller's check.
bool valid_port(std::string_view v) {
  int port = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), port);
  return ec == std::errc{} && end == v.data() + v.size() && port >= 1 && port <= 65535;
}

// c-ares takes addresses, not host names: 1.2.3.4, 1.2.3.4:53, ::1, [::1]:53.
bool valid_dns_server(std::string_view v) {
  unsigned char buf[16];
  auto is_v4 = [&](std::string_view a) { return inet_pton(AF_INET, std::string(a).c_str(), buf) == 1; };
  auto is_v6 = [&](std::string_view a) { return inet_pton(AF_INET6, std::string(a).c_str(), buf) == 1; };
  if (v.starts_with('[')) {
    auto close = v.find(']');
    if (close == std::string_view::npos || !is_v6(v.substr(1, close - 1))) return false;
    auto rest = v.substr(close + 1);
    return rest.empty() || (rest.front() == ':' && valid_port(rest.substr(1)));
  }
  if (is_v4(v) || is_v6(v)) return true;
  auto colon = v.rfind(':');
  return colon != std::string_view::npos && is_v4(v.substr(0, colon)) && valid_port(v.substr(colon + 1));
}

bool valid_dns_servers(std::string_view v) {
  if (v.empty()) return true;
  for (std::string_view item : split_list(v, EmptyItems::keep))
    if (!valid_dns_server(item)) return false;
  return true;
}

// The shape of a TLD list; whether each TLD exists is for the availability check to say.
bool valid_tld_list(std::string_view v) {
  for (std::string_view item : split_list(v, EmptyItems::keep)) {
    if (item.starts_with('.')) item.remove_prefix(1);
    if (item.empty() || item.size() > 63 || item.front() == '-' || item.back() == '-') return false;
    for (char c : item)
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') return false;
  }
  return true;
}

const std::vector<KeySpec>& key_specs() {
  static const std::vector<KeySpec> specs = [] {
    std::vector<KeySpec> s;
    s.push_back(string_key("server.host", "SNAI_HOST", [](Config& c) -> std::string& { return c.server.host; },
                           [](std::string_view v) { return !v.empty(); }, "a host name or address"));
    s.push_back(int_key<int>("server.port", "SNAI_PORT", 1, 65535,
                             [](Config& c) -> int& { return c.server.port; }));
    s.push_back(int_key<int>("server.threads", "SNAI_THREADS", 0, 256,
                             [](Config& c) -> int& { return c.server.threads; }));
    s.push_back(int_key<int>("server.workers", "SNAI_WORKERS", 0, 256,
                             [](Config& c) -> int& { return c.server.workers; }));
    s.push_back(int_key<std::size_t>("server.max_body_bytes", "SNAI_MAX_BODY_BYTES", 1024, 1ULL << 30,
                                     [](Config& c) -> std::size_t& { return c.server.max_body_bytes; }));
    s.push_back(int_key<int>("server.header_timeout_ms", "SNAI_HEADER_TIMEOUT_MS", 100, 600000,
                             [](Config& c) -> int& { return c.server.header_timeout_ms; }));
    s.push_back(int_key<int>("server.idle_timeout_ms", "SNAI_IDLE_TIMEOUT_MS", 100, 3600000,
                             [](Config& c) -> int& { return c.server.idle_timeout_ms; }));
    s.push_back(int_key<int>("server.request_timeout_ms", "SNAI_REQUEST_TIMEOUT_MS", 100, 600000,
                             [](Config& c) -> int& { return c.server.request_timeout_ms; }));
    s.push_back(int_key<int>("server.shutdown_timeout_ms", "SNAI_SHUTDOWN_TIMEOUT_MS", 0, 600000,
                             [](Config& c) -> int& { return c.server.shutdown_timeout_ms; }));
    s.push_back(int_key<std::size_t>("server.compress_min_bytes", "SNAI_COMPRESS_MIN_BYTES", 0, 1ULL << 30,
                                     [](Config& c) -> std::size_t& { return c.server.compress_min_bytes; }));
    s.push_back(string_key("server.cors_origins", "SNAI_CORS_ORIGINS",
                           [](Config& c) -> std::string& { return c.server.cors_origins; }));
    s.push_back(int_key<int>("limits.anonymous_per_minute", "SNAI_LIMIT_ANONYMOUS_PER_MINUTE", 1, 1000000,
                             [](Config& c) -> int& { return c.limits.anonymous_per_minute; }));
    s.push_back(int_key<int>("limits.anonymous_burst", "SNAI_LIMIT_ANONYMOUS_BURST", 1, 1000000,
                             [](Config& c) -> int& { return c.limits.anonymous_burst; }));
    s.push_back(int_key<int>("limits.key_per_minute", "SNAI_LIMIT_KEY_PER_MINUTE", 1, 10000000,
                             [](Config& c) -> int& { return c.limits.key_per_minute; }));
    s.push_back(int_key<int>("limits.key_burst", "SNAI_LIMIT_KEY_BURST", 1, 10000000,
                             [](Config& c) -> int& { return c.limits.key_burst; }));
    s.push_back(string_key("storage.data_dir", "SNAI_DATA_DIR", [](Config& c) -> std::string& { return c.storage.data_dir; },
                           [](std::string_view v) { return !v.empty(); }, "a directory path"));
    s.push_back(string_key("storage.database_url", "SNAI_DATABASE_URL",
                           [](Config& c) -> std::string& { return c.storage.database_url; }, valid_database_url,
                           "empty, sqlite:PATH or postgres://USER:PASSWORD@HOST:PORT/DB"));
    s.push_back(int_key<int>("storage.pool_size", "SNAI_DB_POOL_SIZE", 1, 256,
                             [](Config& c) -> int& { return c.storage.pool_size; }));
    s.push_back(int_key<int>("storage.busy_timeout_ms", "SNAI_DB_BUSY_TIMEOUT_MS", 0, 600000,
                             [](Config& c) -> int& { return c.storage.busy_timeout_ms; }));
    s.push_back(int_key<int>("storage.connect_timeout_s", "SNAI_DB_CONNECT_TIMEOUT_S", 1, 300,
                             [](Config& c) -> int& { return c.storage.connect_timeout_s; }));
    s.push_back(string_key("cache.redis_url", "SNAI_REDIS_URL", [](Config& c) -> std::string& { return c.cache.redis_url; },
                           [](std::string_view v) { return v.empty() || v.starts_with("redis://"); },
                           "empty or redis://HOST:PORT[/DB]"));
    s.push_back(int_key<std::size_t>("cache.l1_bytes", "SNAI_CACHE_L1_BYTES", 0, 1ULL << 40,
                                     [](Config& c) -> std::size_t& { return c.cache.l1_bytes; }));
    s.push_back(int_key<int>("cache.warm_top", "SNAI_CACHE_WARM_TOP", 0, 100000,
                             [](Config& c) -> int& { return c.cache.warm_top; }));
    s.push_back(int_key<int>("cache.warm_days", "SNAI_CACHE_WARM_DAYS", 1, 365,
                             [](Config& c) -> int& { return c.cache.warm_days; }));
    s.push_back(int_key<int>("semantic.index_m", "SNAI_INDEX_M", 4, 128,
                             [](Config& c) -> int& { return c.semantic.index_m; }));
    s.push_back(int_key<int>("semantic.index_ef_construction", "SNAI_INDEX_EF_CONSTRUCTION", 10, 2000,
                             [](Config& c) -> int& { return c.semantic.index_ef_construction; }));
    s.push_back(int_key<int>("semantic.index_ef_search", "SNAI_INDEX_EF_SEARCH", 1, 2000,
                             [](Config& c) -> int& { return c.semantic.index_ef_search; }));
    s.push_back(int_key<int>("semantic.name_index_projects", "SNAI_NAME_INDEX_PROJECTS", 1, 1000000,
                             [](Config& c) -> int& { return c.semantic.name_index_projects; }));
    s.push_back(int_key<int>("generate.budget_ms", "SNAI_GENERATE_BUDGET_MS", 10, 60000,
                             [](Config& c) -> int& { return c.generate.budget_ms; }));
    s.push_back(int_key<int>("generate.candidates", "SNAI_GENERATE_CANDIDATES", 50, 20000,
                             [](Config& c) -> int& { return c.generate.candidates; }));
    s.push_back(string_key("availability.zone_dir", "SNAI_ZONE_DIR",
                           [](Config& c) -> std::string& { return c.availability.zone_dir; }));
    s.push_back(string_key("availability.dns_servers", "SNAI_DNS_SERVERS",
                           [](Config& c) -> std::string& { return c.availability.dns_servers; }, valid_dns_servers,
                           "empty (the system resolver) or comma-separated addresses: 1.2.3.4, 1.2.3.4:53, [::1]:53"));
    s.push_back(bool_key("availability.rdap_enabled", "SNAI_RDAP_ENABLED",
                         [](Config& c) -> bool& { return c.availability.rdap_enabled; }));
    s.push_back(string_key("availability.rdap_bootstrap", "SNAI_RDAP_BOOTSTRAP",
                           [](Config& c) -> std::string& { return c.availability.rdap_bootstrap; }));
    s.push_back(int_key<int>("availability.budget_ms", "SNAI_AVAILABILITY_BUDGET_MS", 100, 120000,
                             [](Config& c) -> int& { return c.availability.budget_ms; }));
    s.push_back(string_key("availability.tlds", "SNAI_AVAILABILITY_TLDS",
                           [](Config& c) -> std::string& { return c.availability.tlds; }, valid_tld_list,
                           "comma-separated top-level domains such as com,io,ai"));
    s.push_back(string_key("log.level", "SNAI_LOG_LEVEL", [](Config& c) -> std::string& { return c.log.level; },
                           [](std::string_view v) { return one_of(v, {"trace", "debug", "info", "warn", "error", "off"}); },
                           "one of trace, debug, info, warn, error, off"));
    s.push_back(string_key("log.format", "SNAI_LOG_FORMAT", [](Config& c) -> std::string& { return c.log.format; },
                           [](std::string_view v) { return one_of(v, {"plain", "json"}); }, "plain or json"));
    return s;
  }();
  return specs;
}

const KeySpec* find_by_path(std::string_view path) {
  for (const auto& k : key_specs())
    if (k.path == path) return &k;
  return nullptr;
}

const KeySpec* find_by_env(std::string_view env) {
  for (const auto& k : key_specs())
    if (k.env == env) return &k;
  return nullptr;
}

std::string known_keys_in(std::string_view section) {
  std::string out;
  for (const auto& k : key_specs()) {
    if (!k.path.starts_with(std::string(section) + ".")) continue;
    if (!out.empty()) out += ", ";
    out += k.path.substr(section.size() + 1);
  }
  return out;
}

std::string known_sections() {
  std::string out;
  for (const auto& k : key_specs()) {
    auto section = k.path.substr(0, k.path.find('.'));
    if (out.find("[" + section + "]") != std::string::npos) continue;
    if (!out.empty()) out += ", ";
    out += "[" + section + "]";
  }
  return out;
}

// TOML values arrive typed; they are checked through the same text parser as the environment
// so that both sources obey one rule per key.
std::optional<std::string> scalar_text(const toml::node& node) {
  if (auto s = node.value<std::string>(); s && node.is_string()) return *s;
  if (node.is_integer()) return std::to_string(*node.value<int64_t>());
  if (node.is_boolean()) return std::string(*node.value<bool>() ? "true" : "false");
  return std::nullopt;
}

Status apply_file(Config& config, const std::filesystem::path& file) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec))
    return fail(ErrorCode::invalid_argument, fmt::format("config: file '{}' does not exist", file.string()), "config");
  toml::table root;
  try {
    root = toml::parse_file(file.string());
  } catch (const toml::parse_error& e) {
    return fail(ErrorCode::invalid_argument,
                fmt::format("config: {}:{}:{}: {}", file.string(), e.source().begin.line, e.source().begin.column,
                            e.description()),
                "config");
  }
  for (const auto& [section_key, section_node] : root) {
    std::string section(section_key.str());
    const auto* table = section_node.as_table();
    if (!table || known_keys_in(section).empty())
      return fail(ErrorCode::invalid_argument,
                  fmt::format("config: unknown key '{}' in {} (known sections: {})", section, file.string(),
                              known_sections()),
                  section);
    for (const auto& [key, node] : *table) {
      std::string path = section + "." + std::string(key.str());
      const KeySpec* spec = find_by_path(path);
      if (!spec)
        return fail(ErrorCode::invalid_argument,
                    fmt::format("config: unknown key '{}' in {} (known keys in [{}]: {})", path, file.string(), section,
                                known_keys_in(section)),
                    path);
      auto text = scalar_text(node);
      if (!text)
        return fail(ErrorCode::invalid_argument,
                    fmt::format("config: {} in {} must be a string, an integer or a boolean", path, file.string()), path);
      if (auto st = spec->set(config, *text, path); !st) return st;
    }
  }
  return ok();
}

}  // namespace

std::string Config::effective_database_url() const {
  if (!storage.database_url.empty()) return storage.database_url;
  return "sqlite:" + (std::filesystem::path(storage.data_dir) / "snai.db").string();
}

std::filesystem::path Config::effective_zone_dir() const {
  if (!availability.zone_dir.empty()) return availability.zone_dir;
  return std::filesystem::path(storage.data_dir) / "zones";
}

std::filesystem::path Config::effective_rdap_bootstrap() const {
  if (!availability.rdap_bootstrap.empty()) return availability.rdap_bootstrap;
  return std::filesystem::path(storage.data_dir) / "rdap-dns.json";
}

Result<Config> load_config(const ConfigSources& sources) {
  Config config;
  if (sources.file)
    if (auto st = apply_file(config, *sources.file); !st) return fail(st.error());
  for (const auto& [name, value] : sources.env) {
    const KeySpec* spec = find_by_env(name);
    if (!spec)
      return fail(ErrorCode::invalid_argument,
                  fmt::format("config: unknown environment variable {} (see `snai serve --help` for the known ones)",
                              name),
                  name);
    if (auto st = spec->set(config, value, name); !st) return fail(st.error());
  }
  return config;
}

std::vector<std::pair<std::string, std::string>> snai_environment() {
  std::vector<std::pair<std::string, std::string>> out;
  for (char** e = environ; e && *e; ++e) {
    std::string_view entry(*e);
    if (!entry.starts_with("SNAI_")) continue;
    auto eq = entry.find('=');
    std::string name(entry.substr(0, eq));
    if (name == "SNAI_CONFIG" || name.starts_with("SNAI_TEST_")) continue;
    out.emplace_back(name, eq == std::string_view::npos ? "" : std::string(entry.substr(eq + 1)));
  }
  return out;
}

std::optional<std::filesystem::path> default_config_file() {
  if (const char* named = std::getenv("SNAI_CONFIG"); named && *named) return std::filesystem::path(named);
  std::error_code ec;
  if (std::filesystem::is_regular_file("snai.toml", ec)) return std::filesystem::path("snai.toml");
  return std::nullopt;
}

std::string describe_config_keys() {
  Config defaults;
  std::string out;
  for (const auto& k : key_specs())
    out += fmt::format("  {:<28} {:<28} default {}\n", k.path, k.env, k.show(defaults));
  return out;
}

}  // namespace snai
