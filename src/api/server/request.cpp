#include "api/server/request.hpp"

#include "api/internal/raw_request.hpp"

namespace snai::api {
namespace {

template <class View>
std::string_view view(const View& v) {
  return std::string_view(v.data(), v.size());
}

}  // namespace

std::string_view Request::method() const { return raw_.request.header().method().c_str(); }

std::string_view Request::path() const { return view(raw_.request.header().path()); }

std::string_view Request::query() const { return view(raw_.request.header().query()); }

std::string_view Request::body() const { return raw_.request.body(); }

std::optional<std::string_view> Request::header(std::string_view name) const {
  auto value = raw_.request.header().try_get_field(restinio::string_view_t(name.data(), name.size()));
  if (!value) return std::nullopt;
  return view(*value);
}

std::optional<std::string_view> Request::param(std::string_view name) const {
  if (raw_.params == nullptr) return std::nullopt;
  auto value = raw_.params->get_param(restinio::string_view_t(name.data(), name.size()));
  if (!value) return std::nullopt;
  return view(*value);
}

}  // namespace snai::api
