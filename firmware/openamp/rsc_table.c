/* SPDX-License-Identifier: Apache-2.0 */
/* The resource table of the reference port's remote, as Zephyr 3.7's lib/open-amp/resource_table.c
   builds it without the RAM console (88 bytes, status at 0x2C): one rpmsg vdev (notify id 0 in
   the table; the sample passes VDEV_ID 0xff to rproc_virtio_create_vdev; name-service feature) with
   two vrings at the board's static addresses (configs/tcc807x.yaml: vring0 0x200c8000, vring1
   0x200c9000, 8 buffers, alignment 16; notify ids 0 and 1). Linked into .resource_table at
   0x200c63b8, where Linux's remoteproc looks (rsc_table + rsc-offset). */
#include <openamp/remoteproc.h>
#include <stddef.h>
#include <stdint.h>

#include "rsc_table.h"

#define VRING0_ID 0
#define VRING1_ID 1
#define VIRTIO_ID_RPMSG_ 7
#define RPMSG_VIRTIO_F_NS_ 0

struct fw_resource_table resource_table __attribute__((section(".resource_table"), used)) = {
    .hdr = {.ver = 1, .num = 1},
    .offset = {offsetof(struct fw_resource_table, vdev)},
    .vdev =
        {.type = RSC_VDEV,
         .id = VIRTIO_ID_RPMSG_,
         .notifyid =
             0, /* Zephyr 3.7 lib/open-amp/resource_table.c: {RSC_VDEV, VIRTIO_ID_RPMSG, 0, ...} */
         .dfeatures = 1u << RPMSG_VIRTIO_F_NS_,
         .num_of_vrings = 2},
    .vring0 = {.da = RSC_VRING0_ADDRESS,
               .align = RSC_VRING_ALIGN,
               .num = RSC_VRING_NUM,
               .notifyid = VRING0_ID},
    .vring1 = {.da = RSC_VRING1_ADDRESS,
               .align = RSC_VRING_ALIGN,
               .num = RSC_VRING_NUM,
               .notifyid = VRING1_ID},
};

_Static_assert(sizeof(struct fw_resource_table) == 88, "Zephyr's table is 88 bytes");
_Static_assert(offsetof(struct fw_resource_table, vdev.status) == 0x2c, "status at 0x2C");

void* rsc_table_get(size_t* size) {
  *size = sizeof resource_table;
  return &resource_table;
}
