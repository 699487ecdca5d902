// SPDX-License-Identifier: Apache-2.0
#include "sim/run/shared_symbols.h"

#include "sim/scenario/remote_image.h"

namespace sim::app {
namespace {

void append(std::vector<sw::shm::Symbol>& to, std::vector<sw::shm::Symbol> from) {
  to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

} // namespace

std::vector<sw::shm::Symbol> shared_symbols(const Scenario& sc) {
  std::vector<sw::shm::Symbol> out;
  const sw::zephyr::ZephyrOptions& image = sc.remote.image;
  append(out, sw::shm::resource_table_symbols(image.rsc_table, remote_table_bytes(image)));
  const sw::shm::VringLayout ring{image.vring_num, image.vring_align};
  for (unsigned i = 0; i < 2; ++i) {
    const std::string name = "vring" + std::to_string(i);
    if (const models::CarveoutConfig* c = sc.board.carveout("vdev0" + name))
      append(out, sw::shm::vring_symbols(name, c->base, ring));
  }
  if (const models::CarveoutConfig* c = sc.board.carveout("vdev0buffer")) {
    const unsigned count = image.vring_num < 256 ? image.vring_num * 2 : 512;
    const std::uint64_t fit = c->size / sw::shm::kRpmsgBufSize;
    append(out, sw::shm::buffer_symbols(
                    c->base, static_cast<unsigned>(std::min<std::uint64_t>(count, fit))));
  }
  return out;
}

} // namespace sim::app
