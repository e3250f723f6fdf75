// The request as handlers see it: method, path, headers, body, route parameters and the
// request id, as views valid for the duration of the handler call. Free of RESTinio types
// so handler files compile fast and stay independent of the HTTP library.
//
//   Response get_project(const Request& request) {
//     std::string_view id = request.param("id").value_or("");
//     ...
//   }
#pragma once

#include <optional>
#include <string_view>

#include "api/server/caller.hpp"

namespace snai::api {

namespace internal {
struct RawRequest;  // the library's request, defined in internal/raw_request.hpp
}

class Request {
 public:
  Request(const internal::RawRequest& raw, std::string_view request_id, const Caller* caller = nullptr)
      : raw_(raw), request_id_(request_id), caller_(caller) {}

  std::string_view method() const;  // "GET"
  std::string_view path() const;    // "/v1/projects/42", without the query
  std::string_view query() const;   // "limit=10&after=x", without the '?'
  std::string_view body() const;
  // Case-insensitive; the first value when a field repeats.
  std::optional<std::string_view> header(std::string_view name) const;
  // A named route parameter: ":id" in "/v1/projects/:id" is param("id").
  std::optional<std::string_view> param(std::string_view name) const;
  std::string_view request_id() const { return request_id_; }
  // The authenticated caller; null when anonymous (only on routes that allow it).
  const Caller* caller() const { return caller_; }

 private:
  const internal::RawRequest& raw_;
  std::string_view request_id_;
  const Caller* caller_ = nullptr;
};

}  // namespace snai::api
