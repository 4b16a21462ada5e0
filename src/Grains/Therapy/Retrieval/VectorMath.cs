namespace TrtOrleans.Therapy.Retrieval;

internal static class VectorMath
{
    /// <summary>Scales to unit length in place (a zero vector stays zero).</summary>
    public static void Normalize(float[] v)
    {
        double sum = 0;
        foreach (var x in v)
        {
            sum += x * (double)x;
        }

        if (sum <= 0)
        {
            return;
        }

        var inv = (float)(1 / Math.Sqrt(sum));
        for (var i = 0; i < v.Length; i++)
        {
            v[i] *= inv;
        }
    }

    /// <summary>Cosine of unit vectors = dot product.</summary>
    public static double Dot(float[] a, float[] b)
    {
        double sum = 0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * (double)b[i];
        }

        return sum;
    }
}
