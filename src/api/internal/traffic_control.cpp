#include "api/internal/traffic_control.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "api/server/client_address.hpp"
#include "api/server/compression.hpp"
#include "api/server/error_response.hpp"

namespace snai::api::internal {
namespace {

std::string bucket_key(const restinio::request_t& raw, const Caller* caller) {
  if (caller != nullptr) return "key:" + caller->user_id;
  std::vector<std::string_view> forwarded;
  raw.header().for_each_value_of(restinio::string_view_t("X-Forwarded-For"), [&](restinio::string_view_t value) {
    forwarded.emplace_back(value.data(), value.size());
    return restinio::http_header_fields_t::continue_enumeration();
  });
  const asio::ip::address peer = raw.remote_endpoint().address();
  IpAddress address;
  if (peer.is_v4()) {
    const auto bytes = peer.to_v4().to_bytes();
    std::copy(bytes.begin(), bytes.end(), address.bytes.begin());
  } else if (peer.to_v6().is_v4_mapped()) {
    const auto bytes = asio::ip::make_address_v4(asio::ip::v4_mapped, peer.to_v6()).to_bytes();
    std::copy(bytes.begin(), bytes.end(), address.bytes.begin());
  } else {
    address.v6 = true;
    address.bytes = peer.to_v6().to_bytes();
  }
  return "ip:" + client_address(address, forwarded);
}

}  // namespace

std::optional<Response> admit(TrafficControl& traffic, const restinio::request_t& raw, Access access,
                              const Caller* caller, std::vector<std::pair<std::string, std::string>>& headers) {
  if (access == Access::open || traffic.limiter == nullptr) return std::nullopt;
  const Rate rate = caller ? traffic.keyed : traffic.anonymous;
  const Decision decision = traffic.limiter->take(bucket_key(raw, caller), rate);
  headers.emplace_back("RateLimit-Limit", std::to_string(rate.burst));
  headers.emplace_back("RateLimit-Remaining", std::to_string(decision.remaining));
  if (decision.allowed) return std::nullopt;
  headers.emplace_back("Retry-After", std::to_string(decision.retry_after_s));
  return error_response(429, "rate_limited",
                        fmt::format("too many requests {}: at most {} per minute (bursts of {}); retry in {} s",
                                    caller ? "for this API key" : "from this address without an API key",
                                    rate.per_minute, rate.burst, decision.retry_after_s));
}

void finish(const TrafficControl& traffic, const restinio::request_t& raw, Response& response,
            std::vector<std::pair<std::string, std::string>>&& headers) {
  for (auto& header : headers) response.headers.push_back(std::move(header));
  std::optional<std::string_view> accept_encoding;
  if (auto field = raw.header().try_get_field(restinio::http_field::accept_encoding)) {
    accept_encoding = std::string_view(field->data(), field->size());
  }
  compress_response(response, accept_encoding, traffic.compress_min_bytes);
}

}  // namespace snai::api::internal
