/** Writing the files users get: whole or not at all, with failures said in words. */
package org.apsa.io;
