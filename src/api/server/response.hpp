// A response as handlers build it, independent of the HTTP library: status, body, and the
// few headers a handler decides. The request pipeline adds X-Request-Id and writes it out.
//
//   return json_response(200, {{"status", "ok"}});
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace snai::api {

struct Response {
  int status = 200;
  std::string body;
  std::string content_type = "application/json";
  std::string cache_control = "no-store";  // empty: no Cache-Control header
  std::vector<std::pair<std::string, std::string>> headers;  // extra ones (Allow, ETag ...)
  // Set (by answer_later) when the answer takes long to make, e.g. a generation: the pipeline
  // runs it on a worker thread, so the event loop goes on serving other connections, and sends
  // what it returns; the rest of this Response is not used. It runs after the handler has
  // returned, so it must own what it uses (capture copies, not the Request).
  std::function<Response()> later;
};

// A Response to be made by `work` on a worker thread (see Response::later).
Response answer_later(std::function<Response()> work);

// Serialises JSON compactly; invalid UTF-8 (e.g. echoed from a request) becomes U+FFFD
// instead of throwing.
std::string dump_json(const nlohmann::json& value);

Response json_response(int status, const nlohmann::json& body);

// "Not Found" for 404; "Unknown" for codes this server does not use.
std::string_view reason_phrase(int status);

}  // namespace snai::api
