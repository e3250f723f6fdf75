#include "api/server/compression.hpp"

#include <cctype>
#include <stdexcept>
#include <strings.h>
#include <zlib.h>
#include "core/text.hpp"

namespace snai::api {
namespace {


bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && strncasecmp(a.data(), b.data(), a.size()) == 0;
}

// The q parameter of one Accept-Encoding element ("gzip;q=0.5"); 1 when absent, 0 when broken.
double quality(std::string_view params) {
  while (!params.empty()) {
    auto semi = params.find(';');
    std::string_view param = trim(params.substr(0, semi));
    params = semi == std::string_view::npos ? std::string_view{} : params.substr(semi + 1);
    if (param.size() >= 2 && (param[0] == 'q' || param[0] == 'Q') && param[1] == '=') {
      std::string_view value = param.substr(2);
      // qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )
      if (value.empty() || (value[0] != '0' && value[0] != '1')) return 0;
      if (value[0] == '1') return 1;
      for (char c : value.substr(1)) {
        if (c != '.' && !std::isdigit(static_cast<unsigned char>(c))) return 0;
        if (c >= '1' && c <= '9') return 0.5;  // some positive weight
      }
      return 0;
    }
  }
  return 1;
}

bool has_header(const Response& response, std::string_view name) {
  for (const auto& [n, v] : response.headers) {
    if (iequals(n, name)) return true;
  }
  return false;
}

}  // namespace

bool accepts_gzip(std::string_view accept_encoding) {
  std::optional<bool> gzip_named;
  bool star = false;
  while (!accept_encoding.empty()) {
    auto comma = accept_encoding.find(',');
    std::string_view element = accept_encoding.substr(0, comma);
    accept_encoding = comma == std::string_view::npos ? std::string_view{} : accept_encoding.substr(comma + 1);
    auto semi = element.find(';');
    std::string_view coding = trim(element.substr(0, semi));
    const double q = semi == std::string_view::npos ? 1.0 : quality(element.substr(semi + 1));
    if (iequals(coding, "gzip") || iequals(coding, "x-gzip")) {
      gzip_named = gzip_named.value_or(false) || q > 0;
    } else if (coding == "*") {
      star = q > 0;
    }
  }
  return gzip_named ? *gzip_named : star;
}

std::string gzip(std::string_view data) {
  z_stream stream{};
  // windowBits 15 + 16: a gzip header and trailer instead of zlib's.
  if (deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    throw std::runtime_error("deflateInit2 failed");
  std::string out(deflateBound(&stream, static_cast<uLong>(data.size())), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const int result = deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  if (result != Z_STREAM_END) throw std::runtime_error("deflate did not finish");
  return out;
}

std::optional<std::string> gunzip(std::string_view data) {
  z_stream stream{};
  if (inflateInit2(&stream, 15 + 16) != Z_OK) return std::nullopt;
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  std::string out;
  char buffer[16384];
  int result = Z_OK;
  while (result == Z_OK) {
    stream.next_out = reinterpret_cast<Bytef*>(buffer);
    stream.avail_out = sizeof buffer;
    result = inflate(&stream, Z_NO_FLUSH);
    out.append(buffer, sizeof buffer - stream.avail_out);
    if (result == Z_BUF_ERROR && stream.avail_in == 0) break;  // truncated input
  }
  inflateEnd(&stream);
  if (result != Z_STREAM_END) return std::nullopt;
  return out;
}

void compress_response(Response& response, std::optional<std::string_view> accept_encoding, std::size_t min_bytes) {
  if (response.body.empty() || response.body.size() < min_bytes) return;
  if (has_header(response, "Content-Encoding")) return;
  response.headers.emplace_back("Vary", "Accept-Encoding");
  if (!accept_encoding || !accepts_gzip(*accept_encoding)) return;
  std::string compressed = gzip(response.body);
  if (compressed.size() >= response.body.size()) return;
  response.body = std::move(compressed);
  response.headers.emplace_back("Content-Encoding", "gzip");
}

}  // namespace snai::api
