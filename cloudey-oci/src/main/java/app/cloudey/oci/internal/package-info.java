/** Implementation of the OCI adapter; not API, may change without notice. */
@NullMarked
package app.cloudey.oci.internal;

import org.jspecify.annotations.NullMarked;
