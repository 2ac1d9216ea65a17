/** Rendering results for people and programs: text, JSON and Markdown, one class per format and result. */
package org.apsa.render;
