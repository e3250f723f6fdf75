// A fresh PostgreSQL database per test on the server that scripts/services.sh started
// (SNAI_TEST_DATABASE_URL); dropped, with its connections, when the object goes away.
#pragma once

#include <string>

namespace snai::testing {

class ScratchPostgres {
 public:
  ScratchPostgres();  // ADD_FAILURE()s when the server is not there
  ~ScratchPostgres();
  ScratchPostgres(const ScratchPostgres&) = delete;
  ScratchPostgres& operator=(const ScratchPostgres&) = delete;

  const std::string& url() const { return url_; }  // postgres://...@host:port/<fresh db>
  static std::string admin_url();                  // SNAI_TEST_DATABASE_URL, or "" when unset

 private:
  void admin(const std::string& sql);
  std::string name_, url_;
};

// `url` with its password replaced (for wrong-password tests).
std::string with_password(const std::string& url, const std::string& password);

}  // namespace snai::testing
