# The scale-out test: two `snai serve` on the harness's PostgreSQL + Redis behind
# HAProxy running deploy/haproxy.cfg; one instance killed, then a drained rolling restart, under
# load. Included from tests/CMakeLists.txt; needs Debian's haproxy (scripts/install-deps.sh).
snai_test(scaleout_haproxy_test
  SOURCES ${CMAKE_CURRENT_LIST_DIR}/scaleout_haproxy_test.cpp ${CMAKE_CURRENT_LIST_DIR}/scaleout_cluster.cpp
  DEPS snai_test_support snai_api_testing PostgreSQL::PostgreSQL fmt::fmt
  LABELS pg redis scaleout
  TIMEOUT 240)
add_dependencies(scaleout_haproxy_test snai)
target_include_directories(scaleout_haproxy_test PRIVATE ${CMAKE_CURRENT_LIST_DIR})
target_compile_definitions(scaleout_haproxy_test PRIVATE SNAI_BINARY="$<TARGET_FILE:snai>"
                           SNAI_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
