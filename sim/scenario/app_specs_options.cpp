// SPDX-License-Identifier: Apache-2.0
#include "sim/scenario/app_specs.h"

namespace sim::app::specs {

std::string rpmsg_name_option(const config::KeyReader& r, const std::string& key) {
  const std::string s = r.text(key);
  if (s.empty()) r.at(key).fail(key + " must not be empty");
  if (s.size() > 31) r.at(key).fail("an rpmsg name has at most 31 characters");
  return s;
}

config::Key rpmsg_name_key(std::string name, std::string doc, std::string fallback) {
  return config::Key::text(std::move(name), std::move(doc) + " (at most 31 characters)")
      .defaults_to(std::move(fallback));
}

void refuse_ledger_naming(const config::ConfigNode& o) {
  for (const char* key : {"peer", "endpoint", "echo_endpoint"})
    if (auto n = o.get(key))
      n->fail(std::string(key) +
              " is gone: the ledger identifies messages by what travels (rpmsg header and "
              "payload) and names channels from the name service; delete the key "
              "(docs/report.md, \"The message ledger\")");
}

} // namespace sim::app::specs
