#include "generate_contract.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

namespace bench {
namespace {

using nlohmann::json;

constexpr std::array<std::string_view, 9> kStyles = {"dictionary", "compound",  "blend",     "affix",   "invented",
                                                      "respelling", "multiword", "rhyme",     "foreign"};

struct Invalid {
  std::string message, field;
};

Reply error_reply(int status, std::string_view code, std::string_view message, std::string_view field) {
  json error = {{"code", code}, {"message", message}};
  if (!field.empty()) error["field"] = field;
  return {status, json{{"error", std::move(error)}}.dump()};
}

// Length in code points, as JSON Schema's maxLength counts (the parser already rejected bad UTF-8).
std::size_t code_points(const std::string& s) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

void check_string(const json& v, const std::string& key, std::size_t min, std::size_t max) {
  if (!v.is_string()) throw Invalid{key + " must be a string", key};
  const auto n = code_points(v.get_ref<const std::string&>());
  if (n < min || n > max)
    throw Invalid{key + " must be " + std::to_string(min) + "-" + std::to_string(max) + " characters", key};
}

void check_integer(const json& v, const std::string& key, std::int64_t min, std::int64_t max) {
  if (!v.is_number_integer()) throw Invalid{key + " must be an integer", key};
  if (v.is_number_unsigned() ? v.get<std::uint64_t>() > std::uint64_t(max)
                             : (v.get<std::int64_t>() < min || v.get<std::int64_t>() > max))
    throw Invalid{key + " must be " + std::to_string(min) + "-" + std::to_string(max), key};
}

void check_strings(const json& v, const std::string& key, std::size_t max_items) {
  if (!v.is_array()) throw Invalid{key + " must be an array of strings", key};
  if (v.size() > max_items) throw Invalid{key + " holds at most " + std::to_string(max_items) + " items", key};
  for (const auto& item : v)
    if (!item.is_string()) throw Invalid{key + " must be an array of strings", key};
}

// The generate request schema (the same as the Node servers' JSON Schema).
void validate(const json& body) {
  if (!body.is_object()) throw Invalid{"the body must be a JSON object", "body"};
  if (!body.contains("description")) throw Invalid{"description is required", "description"};
  for (const auto& [key, v] : body.items()) {
    if (key == "description") {
      check_string(v, key, 1, 2000);
    } else if (key == "keywords") {
      check_strings(v, key, 20);
    } else if (key == "exclude") {
      check_strings(v, key, 50);
    } else if (key == "styles") {
      check_strings(v, key, kStyles.size());
      for (const auto& s : v)
        if (std::ranges::find(kStyles, s.get_ref<const std::string&>()) == kStyles.end())
          throw Invalid{"unknown style \"" + s.get<std::string>() + "\"", key};
    } else if (key == "count") {
      check_integer(v, key, 1, 100);
    } else if (key == "min_length" || key == "max_length") {
      check_integer(v, key, 2, 30);
    } else if (key == "contains" || key == "starts_with" || key == "ends_with") {
      check_string(v, key, 0, 30);
    } else if (key == "seed") {
      check_integer(v, key, 0, std::numeric_limits<std::int64_t>::max());
    } else if (key == "shared_roots" || key == "allow_similar_brands") {
      if (!v.is_boolean()) throw Invalid{key + " must be true or false", key};
    } else {
      throw Invalid{"unknown field \"" + key + "\"", key};
    }
  }
}

// Case and runs of whitespace folded, ends trimmed.
std::string fold(const std::string& s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

// The cache key: string values folded, keywords sorted, object keys in order (nlohmann's map).
std::string normalise(const json& body) {
  json out = json::object();
  for (const auto& [key, v] : body.items()) {
    if (v.is_string()) {
      out[key] = fold(v.get<std::string>());
    } else if (v.is_array()) {
      std::vector<std::string> items;
      for (const auto& item : v) items.push_back(fold(item.get<std::string>()));
      if (key == "keywords") std::ranges::sort(items);
      out[key] = items;
    } else {
      out[key] = v;
    }
  }
  return out.dump();
}

}  // namespace

std::unique_ptr<GenerateContract> GenerateContract::load(const std::string& fixture_path) {
  std::ifstream in(fixture_path);
  if (!in) throw std::runtime_error("cannot read fixture " + fixture_path);
  const json pairs = json::parse(in);
  auto contract = std::make_unique<GenerateContract>();
  for (const auto& pair : pairs) {
    try {
      validate(pair.at("request"));
    } catch (const Invalid& e) {
      throw std::runtime_error("fixture request is invalid: " + e.message);
    }
    contract->responses_[normalise(pair.at("request"))] = pair.at("response").get<std::string>();
  }
  return contract;
}

Reply GenerateContract::generate(std::string_view content_type, std::string_view body) const {
  if (!content_type.starts_with(kJsonType) ||
      (content_type.size() > kJsonType.size() && content_type[kJsonType.size()] != ';'))
    return error_reply(415, "unsupported_media_type", "the body must be JSON (Content-Type: application/json)",
                       "Content-Type");
  const json request = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (request.is_discarded()) return error_reply(400, "invalid_argument", "malformed JSON", "body");
  try {
    validate(request);
  } catch (const Invalid& e) {
    return error_reply(400, "invalid_argument", e.message, e.field);
  }
  auto it = responses_.find(normalise(request));
  if (it == responses_.end()) return error_reply(404, "not_found", "request is not in the fixture", "");
  return {200, it->second};
}

ServerOptions parse_server_options(int argc, char** argv) {
  ServerOptions options;
  options.fixture = BENCH_DEFAULT_FIXTURE;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (i + 1 < argc && arg == "--port") {
      options.port = std::atoi(argv[++i]);
    } else if (i + 1 < argc && arg == "--threads") {
      options.threads = std::atoi(argv[++i]);
    } else if (i + 1 < argc && arg == "--fixture") {
      options.fixture = argv[++i];
    } else {
      std::fprintf(stderr, "usage: %s [--port N] [--threads N] [--fixture PATH]\n", argv[0]);
      std::exit(2);
    }
  }
  if (options.port <= 0 || options.port > 65535 || options.threads < 1) {
    std::fprintf(stderr, "--port must be 1-65535 and --threads at least 1\n");
    std::exit(2);
  }
  return options;
}

}  // namespace bench
