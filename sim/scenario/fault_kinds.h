// SPDX-License-Identifier: Apache-2.0
#pragma once
// Internal to the fault registry (faults.cpp): one parser per fault kind, grouped in their own
// files by what they act on, and the readers they share.

#include <memory>

#include "sim/scenario/faults.h"

namespace sim::app::fault_kinds {

using Parser = std::unique_ptr<Fault> (*)(const config::ConfigNode& body,
                                          const models::BoardConfig& board);

// Shared readers (faults.cpp); each fails with the key's path.
/// `nth`, counting from 1; `zero_hint` says what to write instead of 0.
unsigned parse_nth(const config::ConfigNode& body, const char* zero_hint = "");
/// `cluster`: the side a fault acts on.
Side parse_side(const config::ConfigNode& body);
/// A fault in effect from `at` on (0: from the start): it fired once, then.
FaultReadout in_effect_from(Picoseconds at);

// On the models (fault_kinds_models.cpp).
std::unique_ptr<Fault> skip_cache_op(const config::ConfigNode& body,
                                     const models::BoardConfig& board);
std::unique_ptr<Fault> mailbox(const config::ConfigNode& body, const models::BoardConfig& board);

// On the board's configuration (fault_kinds_board.cpp).
std::unique_ptr<Fault> linux_cacheable(const config::ConfigNode& body,
                                       const models::BoardConfig& board);
std::unique_ptr<Fault> rsc_offset(const config::ConfigNode& body, const models::BoardConfig& board);
std::unique_ptr<Fault> unmap_region(const config::ConfigNode& body,
                                    const models::BoardConfig& board);

// On the stacks and the remote's life (fault_kinds_software.cpp).
std::unique_ptr<Fault> double_tx_buffer(const config::ConfigNode& body,
                                        const models::BoardConfig& board);
std::unique_ptr<Fault> ignore_vq_irq_when_attached(const config::ConfigNode& body,
                                                   const models::BoardConfig& board);
std::unique_ptr<Fault> remote_boots_late(const config::ConfigNode& body,
                                         const models::BoardConfig& board);
std::unique_ptr<Fault> remote_restarts(const config::ConfigNode& body,
                                       const models::BoardConfig& board);

} // namespace sim::app::fault_kinds
