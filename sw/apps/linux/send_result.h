// SPDX-License-Identifier: Apache-2.0
#pragma once
// The ledger's drop reason for a failed rpmsg_send / rpmsg_trysend (DESIGN §5).

#include <string_view>

#include "sw/linux/linux.h"

namespace sim::sw::apps {

inline std::string_view send_drop_reason(int err) {
  if (err == lnx::kEnomem) return "no_tx_buffer";
  if (err == lnx::kErestartsys) return "tx_timeout";
  return "send_failed";
}

} // namespace sim::sw::apps
