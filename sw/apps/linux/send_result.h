// SPDX-License-Identifier: Apache-2.0
#pragma once
// The ledger's drop reason for a failed rpmsg_send / rpmsg_trysend (DESIGN §5).

#include <string_view>

#include "sw/apps/drop_reasons.h"
#include "sw/linux/linux.h"

namespace sim::sw::apps {

inline std::string_view send_drop_reason(int err) {
  if (err == lnx::kEnomem) return drop::kNoTxBuffer;
  if (err == lnx::kErestartsys) return drop::kTxTimeout;
  return drop::kSendFailed;
}

} // namespace sim::sw::apps
