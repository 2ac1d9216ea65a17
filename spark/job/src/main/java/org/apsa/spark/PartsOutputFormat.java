package org.apsa.spark;

import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.BytesWritable;
import org.apache.hadoop.io.IntWritable;
import org.apache.hadoop.mapred.FileOutputFormat;
import org.apache.hadoop.mapred.JobConf;
import org.apache.hadoop.mapred.RecordWriter;
import org.apache.hadoop.mapred.Reporter;
import org.apache.hadoop.util.Progressable;

import java.io.IOException;

/**
 * Writes a batch's three outputs from one pass: a record's key says which
 * ({@link #ASSESSMENTS}, {@link #ERRORS}, {@link #CSV}), its value is the bytes to append.
 * Each task writes {@code OUT/assessments.jsonl/part-NNNNN} and so on through Hadoop's output
 * committer, so a task run twice leaves one copy; a part is created only when written to.
 */
public final class PartsOutputFormat extends FileOutputFormat<IntWritable, BytesWritable> {

    static final int ASSESSMENTS = 0;
    static final int ERRORS = 1;
    static final int CSV = 2;
    /** The folders of the parts, by key: named as the single-machine batch names its files. */
    static final String[] FOLDERS = {"assessments.jsonl", "errors.jsonl", "summary.csv"};

    @Override
    public RecordWriter<IntWritable, BytesWritable> getRecordWriter(FileSystem ignored, JobConf job, String name, Progressable progress) {
        return new RecordWriter<>() {
            private final FSDataOutputStream[] streams = new FSDataOutputStream[FOLDERS.length];

            @Override
            public void write(IntWritable key, BytesWritable value) throws IOException {
                int k = key.get();
                if (streams[k] == null) {
                    Path part = FileOutputFormat.getTaskOutputPath(job, FOLDERS[k] + "/" + name);
                    streams[k] = part.getFileSystem(job).create(part, progress);
                }
                streams[k].write(value.getBytes(), 0, value.getLength());
            }

            @Override
            public void close(Reporter reporter) throws IOException {
                IOException failure = null;
                for (FSDataOutputStream s : streams) {
                    if (s != null) {
                        try {
                            s.close();
                        } catch (IOException e) {
                            failure = failure == null ? e : failure;
                        }
                    }
                }
                if (failure != null) {
                    throw failure;
                }
            }
        };
    }
}
