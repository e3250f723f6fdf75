// The two endpoints every framework candidate serves, without any HTTP: GET /healthz and
// POST /v1/generate (validate the JSON body against the generate request schema, then answer
// the bytes `snai serve` gave for that request, looked up by the normalised body in
// fixtures/generate.json). Each C++ server only adapts its framework's request/response to this,
// so the comparison measures the HTTP layers, not the handlers.
//
//   auto contract = GenerateContract::load("bench/frameworks/fixtures/generate.json");
//   Reply reply = contract->generate(content_type_header, body);  // status + JSON body
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

namespace bench {

struct Reply {
  int status = 200;
  std::string body;
};

inline constexpr std::string_view kHealthBody = R"({"status":"ok"})";
inline constexpr std::string_view kJsonType = "application/json";

class GenerateContract {
 public:
  // Throws std::runtime_error when the fixture cannot be read or holds an invalid request.
  static std::unique_ptr<GenerateContract> load(const std::string& fixture_path);

  Reply generate(std::string_view content_type, std::string_view body) const;
  std::size_t size() const { return responses_.size(); }

 private:
  std::unordered_map<std::string, std::string> responses_;  // normalised request -> response bytes
};

// Common command line of the C++ servers: --port N --threads N --fixture PATH.
struct ServerOptions {
  int port = 8080;
  int threads = 1;
  std::string fixture;
};
ServerOptions parse_server_options(int argc, char** argv);  // exits 2 on bad usage

}  // namespace bench
