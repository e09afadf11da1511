/** Implementation of the test kit's extensions; not an API. */
@NullMarked
package app.cloudey.testkit.internal;

import org.jspecify.annotations.NullMarked;
