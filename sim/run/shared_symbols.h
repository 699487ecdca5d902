// SPDX-License-Identifier: Apache-2.0
#pragma once
// The names of the shared-memory fields of a scenario's RPMsg layout, for the coherency
// sanitizer's reports: the remote image's resource table where the image puts it, the two vrings
// where Linux places them (at its vdev0vring0/1 carve-outs), and the rpmsg buffers in
// vdev0buffer (2 x vring num buffers of 512 bytes, as virtio_rpmsg_bus allocates them).

#include <vector>

#include "sim/scenario/scenario.h"
#include "sw/shm/symbol_map.h"

namespace sim::app {

std::vector<sw::shm::Symbol> shared_symbols(const Scenario& scenario);

} // namespace sim::app
