// Identifiers: time-ordered UUIDv7 strings (sortable, so ids double as pagination cursors)
// and random secrets for API keys.
//
//   std::string id = snai::new_id();         // "0192e4c1-7a3b-7c4d-8e5f-0123456789ab"
//   std::string key = snai::random_token(24); // 48 hex chars
#pragma once

#include <cstdint>
#include <string>

namespace snai {

// A UUIDv7: 48-bit Unix milliseconds, then random bits. Ids made later sort after earlier ones,
// also within one millisecond in one process.
std::string new_id();

// A UUIDv7 for a given millisecond timestamp (tests, imports with historical times).
std::string new_id_at(std::int64_t unix_ms);

// `bytes` bytes from the OS's cryptographic random source, as lowercase hex.
std::string random_token(std::size_t bytes);

// SHA-256 of `data` as lowercase hex (used to store API keys, never the keys themselves).
std::string sha256_hex(std::string_view data);

}  // namespace snai
