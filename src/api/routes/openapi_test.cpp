// /openapi.json: (a) the document and the Router agree — every route (method, path, security)
// is documented and every documented operation is a route; (b) the document a real server
// serves passes a real OpenAPI 3.1 validator from npm (tests/openapi/validate.mjs).
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <sys/wait.h>

#include "api/routes/openapi_routes.hpp"
#include "api/routes/routes.hpp"
#include "api/server/http_server.hpp"
#include "api/testing/fake_storage.hpp"
#include "api/testing/http_client.hpp"

namespace snai::api {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const std::set<std::string> kOperations = {"get", "put", "post", "delete", "options", "head", "patch", "trace"};

std::string lower(std::string_view method) {
  std::string out(method);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The security requirement a route's Access stands for.
json security_for(Access access) {
  switch (access) {
    case Access::open: return json::array();
    case Access::key_optional: return json::array({json::object(), {{"bearerAuth", json::array()}}});
    case Access::key_required: return json::array({{{"bearerAuth", json::array()}}});
  }
  return nullptr;
}

TEST(OpenApiPath, ExpressParametersBecomeTemplates) {
  EXPECT_EQ(openapi_path("/v1/projects/:id"), "/v1/projects/{id}");
  EXPECT_EQ(openapi_path("/v1/projects/:id/names"), "/v1/projects/{id}/names");
  EXPECT_EQ(openapi_path("/a/:x/b/:y"), "/a/{x}/b/{y}");
  EXPECT_EQ(openapi_path("/healthz"), "/healthz");
  EXPECT_EQ(openapi_path("/time/10:30"), "/time/10:30");  // a colon inside a segment is literal
}

TEST(OpenApiDocument, EveryRouteIsDocumentedWithItsSecurityAndNothingElse) {
  const json doc = json::parse(openapi_document());
  ASSERT_TRUE(doc.contains("paths"));
  testing::FakeStorage storage;
  const Router router = build_routes(ServerDeps{.storage = storage});

  std::set<std::pair<std::string, std::string>> routes;
  for (const Route& route : router.routes()) {
    const std::string path = openapi_path(route.path), method = lower(to_string(route.method));
    routes.emplace(path, method);
    const std::string where = std::string(to_string(route.method)) + " " + route.path;
    if (!doc["paths"].contains(path) || !doc["paths"][path].contains(method)) {
      ADD_FAILURE() << where << " is a route but is not in src/api/openapi.json (as " << method << " " << path << ")";
      continue;
    }
    const json& operation = doc["paths"][path][method];
    EXPECT_EQ(operation.value("security", json()), security_for(route.access))
        << where << ": the document's security does not match the route's Access";
    EXPECT_TRUE(operation.contains("responses") && !operation["responses"].empty()) << where << ": no responses";
    EXPECT_TRUE(operation.contains("operationId")) << where << ": no operationId";
  }
  for (const auto& [path, item] : doc["paths"].items()) {
    for (const auto& [key, value] : item.items()) {
      if (kOperations.contains(key) && !routes.contains({path, key})) {
        ADD_FAILURE() << key << " " << path << " is in src/api/openapi.json but the server has no such route";
      }
    }
  }
  EXPECT_EQ(doc["openapi"].get<std::string>().substr(0, 4), "3.1.");
  EXPECT_EQ(doc["components"]["securitySchemes"]["bearerAuth"]["scheme"], "bearer");
}

TEST(OpenApiDocument, DocumentsTheErrorShape) {
  const json doc = json::parse(openapi_document());
  const json& error = doc["components"]["schemas"]["Error"]["properties"]["error"];
  EXPECT_EQ(error["required"], json::array({"code", "message"}));
  for (const char* field : {"code", "message", "field"}) EXPECT_TRUE(error["properties"].contains(field)) << field;
}

// Runs the npm validator on a file: exit status and what it printed.
std::pair<int, std::string> run_validator(const std::string& node, const std::string& script, const fs::path& file) {
  const fs::path output = file.string() + ".out";
  const std::string command = "'" + node + "' '" + script + "' '" + file.string() + "' > '" + output.string() + "' 2>&1";
  const int status = std::system(command.c_str());
  std::ifstream in(output);
  std::stringstream text;
  text << in.rdbuf();
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, text.str()};
}

std::string find_node() {
  if (const char* configured = std::getenv("SNAI_NODE"); configured && fs::exists(configured)) return configured;
  for (const char* dir : {"/usr/bin", "/usr/local/bin"}) {
    if (fs::exists(fs::path(dir) / "node")) return (fs::path(dir) / "node").string();
  }
  return {};
}

TEST(OpenApiServed, RealServerServesADocumentThatARealValidatorAccepts) {
  testing::FakeStorage storage;
  ServerConfig config;
  config.port = testing::find_free_port();
  config.threads = 1;
  HttpServer server(config, ServerDeps{.storage = storage});
  ASSERT_TRUE(server.start());
  auto response = testing::http_request(server.port(), "GET", "/openapi.json");
  ASSERT_TRUE(response) << response.error().describe();
  ASSERT_EQ(response->status, 200);
  EXPECT_EQ(response->header("Content-Type"), "application/json");
  EXPECT_EQ(response->body, openapi_document());
  server.stop();

  const std::string node = find_node();
  if (node.empty()) GTEST_SKIP() << "node is not installed: the OpenAPI document was not validated by the npm validator";
  const char* script = std::getenv("SNAI_OPENAPI_VALIDATOR");
  ASSERT_TRUE(script && fs::exists(script))
      << "node is installed but the validator is not set up: build the snai_openapi_validator target "
         "(npm ci of tests/openapi into the build dir); SNAI_OPENAPI_VALIDATOR="
      << (script ? script : "(unset)");

  const fs::path dir = fs::temp_directory_path() / ("snai-openapi-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const fs::path served = dir / "served.json";
  std::ofstream(served) << response->body;
  auto [status, output] = run_validator(node, script, served);
  EXPECT_EQ(status, 0) << output;
  EXPECT_NE(output.find("valid OpenAPI 3.1"), std::string::npos) << output;

  // The validator must be able to fail: the same document without info.title is refused.
  json broken = json::parse(response->body);
  broken["info"].erase("title");
  const fs::path bad = dir / "broken.json";
  std::ofstream(bad) << broken.dump();
  auto [bad_status, bad_output] = run_validator(node, script, bad);
  EXPECT_EQ(bad_status, 1) << bad_output;
  EXPECT_NE(bad_output.find("title"), std::string::npos) << bad_output;
  fs::remove_all(dir);
}

}  // namespace
}  // namespace snai::api
